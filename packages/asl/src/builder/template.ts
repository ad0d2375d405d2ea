/**
 * Payload templates: objects a selector builds from literals and expressions,
 * e.g. `($) => ({ title: $.song, source: "seed" })`. The type of the value the
 * template produces is {@link Resolve}; it renders as a JSONPath payload
 * template (`"title.$": "$.song"`) or as JSONata (`"title": "{% $states.input.song %}"`).
 *
 * @see https://states-language.net/spec.html#payload-template
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import * as z from "zod";
import type { JsonObject, JsonValue } from "../model/index.js";
import { BuilderError } from "./errors.js";
import { type Expr, isExpr, makeExpr, schemaOf } from "./expr.js";
import { type ExprScope, jsonataLiteral, renderExpr } from "./render-expr.js";

/** What a template may contain: JSON literals and expressions, nested. `undefined` fields are left out. */
export type Template =
  | Expr<unknown>
  | string
  | number
  | boolean
  | null
  | readonly Template[]
  | { readonly [key: string]: Template | undefined };

/** The type of the value a template produces. */
export type Resolve<T> = T extends Expr<infer V>
  ? V
  : T extends readonly unknown[]
    ? { -readonly [K in keyof T]: Resolve<T[K]> }
    : T extends object
      ? { -readonly [K in keyof T]: Resolve<T[K]> }
      : T;

const jsonataWhole = /^\{%[\s\S]*%\}$/;

/** The schema of the value `template` produces. */
export function templateSchema(template: Template | undefined): z.ZodType {
  if (isExpr(template)) return schemaOf(template);
  if (template === undefined) return z.undefined();
  if (template === null) return z.null();
  if (typeof template !== "object") return z.literal(template);
  if (Array.isArray(template)) {
    const [first, ...rest] = template.map((item: Template) => templateSchema(item));
    return first === undefined ? z.tuple([]) : z.tuple([first, ...rest]);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(template)) if (value !== undefined) shape[key] = templateSchema(value);
  return z.object(shape);
}

/** A JSONPath payload template (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign`): an object whose `.$` keys hold paths or intrinsic calls. */
export function renderJsonPathTemplate(template: Template, scope: ExprScope): JsonObject {
  if (!isPlainObject(template)) {
    throw new BuilderError(`${scope.field} must build an object in a JSONPath state`);
  }
  return renderJsonPathObject(template, scope, scope.field);
}

function renderJsonPathObject(
  template: { readonly [key: string]: Template | undefined },
  scope: ExprScope,
  at: string,
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (value === undefined) continue;
    const where = `${at}.${key}`;
    if (key.endsWith(".$")) throw new BuilderError(`${where}: a literal key may not end with ".$"`);
    if (isExpr(value)) out[`${key}.$`] = renderExpr(value, scope);
    else if (Array.isArray(value) && containsExpr(value)) out[`${key}.$`] = renderExpr(arrayCall(value, where), scope);
    else if (isPlainObject(value)) out[key] = renderJsonPathObject(value, scope, where);
    else out[key] = literal(value, where);
  }
  return out;
}

/** An array holding expressions becomes `States.Array(…)`, which only takes paths, calls and scalars. */
function arrayCall(items: readonly Template[], where: string): Expr<unknown> {
  for (const item of items) {
    if (item !== null && typeof item === "object" && !isExpr(item)) {
      throw new BuilderError(`${where}: in JSONPath, an array mixing expressions can only hold expressions and scalars`);
    }
  }
  return makeExpr({ kind: "intrinsic", name: "States.Array", args: items }, templateSchema(items));
}

/** A JSONata value: expressions become `"{% … %}"` strings, anywhere in the tree. */
export function renderJsonataTemplate(template: Template, scope: ExprScope, at: string = scope.field): JsonValue {
  if (isExpr(template)) return `{% ${renderExpr(template, scope)} %}`;
  if (typeof template === "string") {
    // A literal that looks like an expression would be evaluated: write it as a JSONata string instead.
    return jsonataWhole.test(template) ? `{% ${jsonataLiteral(template, at)} %}` : template;
  }
  if (Array.isArray(template)) return template.map((item: Template, i) => renderJsonataTemplate(item, scope, `${at}[${i}]`));
  if (isPlainObject(template)) {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(template)) {
      if (value !== undefined) out[key] = renderJsonataTemplate(value, scope, `${at}.${key}`);
    }
    return out;
  }
  return literal(template, at);
}

function containsExpr(value: Template | undefined): boolean {
  if (isExpr(value)) return true;
  if (Array.isArray(value)) return value.some((item: Template) => containsExpr(item));
  if (isPlainObject(value)) return Object.values(value).some(containsExpr);
  return false;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: Template | undefined } {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isExpr(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function literal(value: unknown, where: string): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item: unknown, i) => literal(item, `${where}[${i}]`));
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = literal(item, `${where}.${key}`);
    return out;
  }
  throw new BuilderError(`${where}: ${String(value)} is not a JSON value`);
}
