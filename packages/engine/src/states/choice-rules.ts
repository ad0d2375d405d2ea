/**
 * Choice rules compiled into predicates: every comparison operator and its `…Path` twin, `StringMatches`, the
 * `Is…` type tests (true and false), and `And`/`Or`/`Not`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import { comparisonOperators, type JsonValue, pathComparisonOperators, typeTestOperators } from "@statecraft/asl";
import type { StateCompileContext } from "../compile/common.js";
import { pointerTo } from "../compile/problems.js";
import { StatesRuntimeError } from "../errors.js";
import { type PathEnv, selectPath } from "../io/path-env.js";

/** A compiled rule: does the (filtered) state input satisfy it? */
export type ChoicePredicate = (input: JsonValue, env: PathEnv) => boolean;

const allOperators = new Set<string>([...comparisonOperators, ...pathComparisonOperators, ...typeTestOperators]);
const timestampShape = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an RFC 3339 timestamp, or `undefined` when `value` is not one. */
export function parseTimestamp(value: JsonValue | undefined): number | undefined {
  if (typeof value !== "string" || !timestampShape.test(value)) return undefined;
  const time = Date.parse(value.toUpperCase());
  return Number.isNaN(time) ? undefined : time;
}

/** `StringMatches` pattern → RegExp: `*` matches any run of characters, `\*` and `\\` are literal. */
export function wildcardPattern(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\" && i + 1 < pattern.length) {
      source += pattern.charAt(++i).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else if (c === "*") source += "[\\s\\S]*";
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

type Compare = (a: number, b: number) => boolean;
const comparers: Record<string, Compare> = {
  Equals: (a, b) => a === b,
  LessThan: (a, b) => a < b,
  GreaterThan: (a, b) => a > b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThanEquals: (a, b) => a >= b,
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares `left` with `right` under an operator family; values of another type give `false`. */
function compareTyped(family: string, relation: Compare, left: JsonValue | undefined, right: JsonValue | undefined): boolean {
  switch (family) {
    case "String":
      return typeof left === "string" && typeof right === "string" && relation(compareStrings(left, right), 0);
    case "Numeric":
      return typeof left === "number" && typeof right === "number" && relation(left, right);
    case "Boolean":
      return typeof left === "boolean" && typeof right === "boolean" && left === right;
    default: {
      const a = parseTimestamp(left);
      const b = parseTimestamp(right);
      return a !== undefined && b !== undefined && relation(a, b);
    }
  }
}

function typeTest(operator: string, value: JsonValue | undefined): boolean {
  switch (operator) {
    case "IsPresent":
      return value !== undefined;
    case "IsNull":
      return value === null;
    case "IsNumeric":
      return typeof value === "number";
    case "IsString":
      return typeof value === "string";
    case "IsBoolean":
      return typeof value === "boolean";
    default:
      return parseTimestamp(value) !== undefined;
  }
}

function literalOk(family: string, value: unknown): boolean {
  if (family === "String") return typeof value === "string";
  if (family === "Numeric") return typeof value === "number";
  if (family === "Boolean") return typeof value === "boolean";
  return parseTimestamp(value as JsonValue) !== undefined;
}

function compileDataTest(rule: Record<string, unknown>, operator: string, pointer: string, ctx: StateCompileContext): ChoicePredicate {
  const variablePath = ctx.problems.path(pointerTo(pointer, "Variable"), rule.Variable);
  const operand = rule[operator];
  const operandPointer = pointerTo(pointer, operator);
  if (variablePath === undefined) return () => false;
  const variableText = variablePath.text;
  const read = (input: JsonValue, env: PathEnv, allowMissing: boolean): JsonValue | undefined => {
    const value = selectPath(variablePath, input, env);
    if (value === undefined && !allowMissing) {
      throw new StatesRuntimeError(`Invalid path '${variableText}': The choice state's condition path references an invalid value.`);
    }
    return value;
  };
  if ((typeTestOperators as readonly string[]).includes(operator)) {
    if (typeof operand !== "boolean") ctx.problems.add(operandPointer, "must be true or false");
    const expected = operand === true;
    const allowMissing = operator === "IsPresent";
    return (input, env) => typeTest(operator, read(input, env, allowMissing)) === expected;
  }
  const family = operator.startsWith("String") ? "String" : operator.startsWith("Numeric") ? "Numeric" : operator.startsWith("Boolean") ? "Boolean" : "Timestamp";
  if (operator === "StringMatches") {
    if (typeof operand !== "string") ctx.problems.add(operandPointer, "must be a string pattern");
    const pattern = wildcardPattern(typeof operand === "string" ? operand : "");
    return (input, env) => {
      const value = read(input, env, false);
      return typeof value === "string" && pattern.test(value);
    };
  }
  const isPath = operator.endsWith("Path");
  const relationName = operator.slice(family.length, isPath ? -4 : undefined);
  const relation = comparers[relationName] ?? comparers.Equals;
  if (relation === undefined) return () => false;
  if (isPath) {
    const otherPath = ctx.problems.path(operandPointer, operand);
    if (otherPath === undefined) return () => false;
    return (input, env) => {
      const other = selectPath(otherPath, input, env);
      if (other === undefined) {
        throw new StatesRuntimeError(`Invalid path '${otherPath.text}': The choice state's condition path references an invalid value.`);
      }
      return compareTyped(family, relation, read(input, env, false), other);
    };
  }
  if (!literalOk(family, operand)) ctx.problems.add(operandPointer, `must be ${family === "Timestamp" ? "an RFC 3339 timestamp string" : family === "Numeric" ? "a number" : `a ${family.toLowerCase()}`}`);
  const literal = operand as JsonValue;
  return (input, env) => compareTyped(family, relation, read(input, env, false), literal);
}

/** Compiles a choice expression (data test or `And`/`Or`/`Not`). */
export function compileChoiceExpression(rule: unknown, pointer: string, ctx: StateCompileContext, topLevel: boolean): ChoicePredicate {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    ctx.problems.add(pointer, "a choice rule must be an object");
    return () => false;
  }
  const fields = rule as Record<string, unknown>;
  if (!topLevel && "Next" in fields) ctx.problems.add(pointerTo(pointer, "Next"), "nested choice rules cannot have 'Next'");
  if ("And" in fields || "Or" in fields) {
    const combinator = "And" in fields ? "And" : "Or";
    const list = fields[combinator];
    if (!Array.isArray(list) || list.length === 0) {
      ctx.problems.add(pointerTo(pointer, combinator), "must be a non-empty array of choice rules");
      return () => false;
    }
    const parts = list.map((part, index) => compileChoiceExpression(part, pointerTo(pointer, combinator, index), ctx, false));
    return combinator === "And" ? (input, env) => parts.every((part) => part(input, env)) : (input, env) => parts.some((part) => part(input, env));
  }
  if ("Not" in fields) {
    const inner = compileChoiceExpression(fields.Not, pointerTo(pointer, "Not"), ctx, false);
    return (input, env) => !inner(input, env);
  }
  const operators = Object.keys(fields).filter((key) => allOperators.has(key));
  if (operators.length !== 1 || operators[0] === undefined) {
    ctx.problems.add(pointer, operators.length === 0 ? "has no comparison operator" : `has more than one operator (${operators.join(", ")})`);
    return () => false;
  }
  if (!("Variable" in fields)) {
    ctx.problems.add(pointer, "needs 'Variable'");
    return () => false;
  }
  return compileDataTest(fields, operators[0], pointer, ctx);
}
