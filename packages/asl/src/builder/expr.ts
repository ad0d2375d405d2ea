/**
 * Typed expressions of the builder. A {@link Ref} is a path into a value the
 * state can see (its input, its result, the context object, a variable); an
 * {@link Expr} is anything that computes a value (a path, an intrinsic call).
 * The same expression renders as JSONPath or as JSONata, so one typed workflow
 * works in both query languages.
 *
 * @see https://states-language.net/spec.html#path
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import * as z from "zod";

/** Runtime key of an expression's description. */
export const exprNode: unique symbol = Symbol("statecraft.expr");
/** Runtime key of the schema of an expression's value (for the workflow's output schema). */
export const exprSchema: unique symbol = Symbol("statecraft.exprSchema");

declare const valueType: unique symbol;
declare const pathMark: unique symbol;
declare const rawMark: unique symbol;

/** What a path starts from. `value` is the field's own document (e.g. the output before `OutputPath`). */
export type RefRoot = "input" | "result" | "context" | "value" | "errorOutput" | { readonly variable: string };

/** One step below the root: a field name or an array index. */
export type RefStep = string | number;

/** The description of an expression, rendered per query language. */
export type ExprNode =
  | { readonly kind: "path"; readonly root: RefRoot; readonly steps: readonly RefStep[] }
  | { readonly kind: "intrinsic"; readonly name: string; readonly args: readonly unknown[] }
  /** Escape hatch: JSONPath text written by hand. */
  | { readonly kind: "rawJsonPath"; readonly path: string }
  /** Escape hatch: a JSONata expression written by hand (without `{% %}`). */
  | { readonly kind: "rawJsonata"; readonly expression: string };

/** The template argument of `States.Format`: `{}` marks a placeholder. */
export class FormatTemplate {
  constructor(readonly text: string) {}
}

/** An expression whose value has type `T`. */
export interface Expr<T> {
  /** Phantom: the value's type. */
  readonly [valueType]: T;
  readonly [exprNode]: ExprNode;
  readonly [exprSchema]: z.ZodType;
}

/** A path (usable where ASL wants a path: `Variable`, `ItemsPath`, `OutputPath`, …) whose value has type `T`. */
export interface Ref<T> extends Expr<T> {
  readonly [pathMark]: true;
}

/** A hand-written path (see {@link unsafeJsonPath}): its type is unknown, so every Choice operator accepts it. */
export interface RawRef extends Ref<unknown> {
  readonly [rawMark]: true;
}

/** The value type of an expression. */
export type ValueOf<E> = E extends Expr<infer T> ? T : never;

/** `true` when `value` is a builder expression. */
export function isExpr(value: unknown): value is Expr<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && exprNode in value;
}

/** The description of `expr`. */
export function nodeOf(expr: Expr<unknown>): ExprNode {
  return expr[exprNode];
}

/** The schema of `expr`'s value. */
export function schemaOf(expr: Expr<unknown>): z.ZodType {
  return expr[exprSchema];
}

/** Builds an expression value from its description. */
export function makeExpr<T>(node: ExprNode, schema: z.ZodType): Expr<T> {
  // The phantom `valueType` exists only in the type.
  return { [exprNode]: node, [exprSchema]: schema } as Expr<T>;
}

/** `true` when `expr` is a path, not a computed value. */
export function isPath(expr: Expr<unknown>): boolean {
  const { kind } = nodeOf(expr);
  return kind === "path" || kind === "rawJsonPath";
}

/**
 * Escape hatch: a JSONPath written by hand (`$.items[?(@.price > 10)]`). The
 * builder cannot know its type, so it is `unknown`; the path is checked by the
 * validator at build. JSONPath states only.
 */
export function unsafeJsonPath(path: string): RawRef {
  // A hand-written path is still a path; the marks exist only in the type.
  return makeExpr<unknown>({ kind: "rawJsonPath", path }, z.unknown()) as RawRef;
}

/**
 * Escape hatch: a JSONata expression written by hand, without the `{% %}`
 * delimiters (`$count($states.input.items)`). Its type is `unknown`. JSONata states only.
 */
export function unsafeJsonata(expression: string): Expr<unknown> {
  return makeExpr<unknown>({ kind: "rawJsonata", expression }, z.unknown());
}
