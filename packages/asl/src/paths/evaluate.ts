/**
 * Compiles a parsed JSONPath into a selector. Definite paths (names and indices only) select one value or nothing;
 * indefinite paths (wildcards, slices, unions, filters, `..`) always select an array, as Jayway JsonPath does.
 *
 * @see https://states-language.net/spec.html#path
 */
import type { JsonObject, JsonValue } from "../model/json.js";
import type { FilterExpression, FilterOperand, ParsedPath, PathRoot, PathSegment } from "./ast.js";
import { parsePath } from "./parse.js";

/** A path compiled once, evaluated many times. */
export interface CompiledPath {
  readonly text: string;
  readonly root: PathRoot;
  readonly definite: boolean;
  readonly segments: readonly PathSegment[];
  /**
   * Selects from `document`. Returns `undefined` when a definite path matches nothing; an indefinite path
   * returns an array (possibly empty).
   */
  select(document: JsonValue): JsonValue | undefined;
}

/** `true` for a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function childByName(node: JsonValue, name: string): JsonValue | undefined {
  return isJsonObject(node) && Object.hasOwn(node, name) ? node[name] : undefined;
}

function childByIndex(node: JsonValue, index: number): JsonValue | undefined {
  if (!Array.isArray(node)) return undefined;
  return node[index < 0 ? node.length + index : index];
}

function children(node: JsonValue): JsonValue[] {
  if (Array.isArray(node)) return node;
  if (isJsonObject(node)) return Object.values(node);
  return [];
}

function slice(node: JsonValue, start: number | undefined, end: number | undefined, step = 1): JsonValue[] {
  if (!Array.isArray(node)) return [];
  const length = node.length;
  const clamp = (value: number) => Math.min(Math.max(value < 0 ? length + value : value, step > 0 ? 0 : -1), step > 0 ? length : length - 1);
  const from = start === undefined ? (step > 0 ? 0 : length - 1) : clamp(start);
  const to = end === undefined ? (step > 0 ? length : -1) : clamp(end);
  const out: JsonValue[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) {
    const item = node[i];
    if (item !== undefined) out.push(item);
  }
  return out;
}

function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEquals(item, b[i] ?? null));
  const aKeys = Object.keys(a);
  const bObject = b as JsonObject;
  return aKeys.length === Object.keys(bObject).length && aKeys.every((key) => Object.hasOwn(bObject, key) && jsonEquals((a as JsonObject)[key] ?? null, bObject[key] ?? null));
}

function operandValue(operand: FilterOperand, current: JsonValue, root: JsonValue): JsonValue | undefined {
  if (operand.kind === "literal") return operand.value;
  return selectSegments(operand.segments, operand.kind === "current" ? current : root, root);
}

function compare(operator: string, left: JsonValue | undefined, right: JsonValue | undefined): boolean {
  if (left === undefined || right === undefined) return operator === "!=" && left !== right;
  if (operator === "==") return jsonEquals(left, right);
  if (operator === "!=") return !jsonEquals(left, right);
  const ordered = (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!ordered) return false;
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    default:
      return left >= right;
  }
}

function test(expression: FilterExpression, current: JsonValue, root: JsonValue): boolean {
  switch (expression.kind) {
    case "exists":
      return operandValue(expression.operand, current, root) !== undefined;
    case "compare":
      return compare(expression.operator, operandValue(expression.left, current, root), operandValue(expression.right, current, root));
    case "and":
      return test(expression.left, current, root) && test(expression.right, current, root);
    case "or":
      return test(expression.left, current, root) || test(expression.right, current, root);
    case "not":
      return !test(expression.operand, current, root);
  }
}

function pushDefined(out: JsonValue[], value: JsonValue | undefined): void {
  if (value !== undefined) out.push(value);
}

function applyStep(step: PathSegment, node: JsonValue, root: JsonValue, out: JsonValue[]): void {
  switch (step.kind) {
    case "name":
      pushDefined(out, childByName(node, step.name));
      return;
    case "index":
      pushDefined(out, childByIndex(node, step.index));
      return;
    case "wildcard":
      for (const child of children(node)) out.push(child);
      return;
    case "slice":
      for (const item of slice(node, step.start, step.end, step.step)) out.push(item);
      return;
    case "names":
      for (const name of step.names) pushDefined(out, childByName(node, name));
      return;
    case "indices":
      for (const index of step.indices) pushDefined(out, childByIndex(node, index));
      return;
    case "filter":
      if (Array.isArray(node)) {
        for (const item of node) if (test(step.expression, item, root)) out.push(item);
      } else if (test(step.expression, node, root)) out.push(node);
      return;
    case "descendant": {
      const visit = (current: JsonValue) => {
        applyStep(step.step, current, root, out);
        for (const child of children(current)) if (typeof child === "object" && child !== null) visit(child);
      };
      visit(node);
      return;
    }
  }
}

function selectSegments(segments: readonly PathSegment[], start: JsonValue, root: JsonValue): JsonValue | undefined {
  const definite = segments.every((segment) => segment.kind === "name" || segment.kind === "index");
  if (definite) {
    let node: JsonValue | undefined = start;
    for (const segment of segments) {
      if (node === undefined) return undefined;
      node = segment.kind === "name" ? childByName(node, segment.name) : segment.kind === "index" ? childByIndex(node, segment.index) : undefined;
    }
    return node;
  }
  let nodes: JsonValue[] = [start];
  for (const segment of segments) {
    const next: JsonValue[] = [];
    for (const node of nodes) applyStep(segment, node, root, next);
    nodes = next;
  }
  return nodes;
}

function compileSelector(parsed: ParsedPath): (document: JsonValue) => JsonValue | undefined {
  const { segments } = parsed;
  if (segments.length === 0) return (document) => document;
  if (segments.every((segment) => segment.kind === "name")) {
    // The hot case ($.a.b.c): a tight loop over precomputed keys.
    const keys = segments.map((segment) => (segment.kind === "name" ? segment.name : ""));
    if (keys.length === 1) {
      const [key = ""] = keys;
      return (document) => childByName(document, key);
    }
    return (document) => {
      let node: JsonValue | undefined = document;
      for (const key of keys) {
        if (!isJsonObject(node) || !Object.hasOwn(node, key)) return undefined;
        node = node[key];
      }
      return node;
    };
  }
  return (document) => selectSegments(segments, document, document);
}

/**
 * Compiles a JSONPath (`$…`, `$$…` or `$var…`). Throws `PathSyntaxError` for invalid text.
 *
 * @see https://states-language.net/spec.html#path
 */
export function compilePath(text: string): CompiledPath {
  const parsed = parsePath(text);
  return { text, root: parsed.root, definite: parsed.definite, segments: parsed.segments, select: compileSelector(parsed) };
}
