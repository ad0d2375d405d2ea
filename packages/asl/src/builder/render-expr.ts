/**
 * Renders builder expressions as JSONPath (paths, intrinsic calls) or as
 * JSONata (expression text without the `{% %}` delimiters).
 *
 * @see https://states-language.net/spec.html#path
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { QueryLanguage } from "../model/index.js";
import { BuilderError } from "./errors.js";
import { type Expr, type ExprNode, FormatTemplate, isExpr, nodeOf, type RefRoot, type RefStep } from "./expr.js";
import { intrinsicToJsonata } from "./intrinsic-jsonata.js";

/** A root every field can name (variables are always available). */
export type RootName = Exclude<RefRoot, { readonly variable: string }>;

/** Where an expression is rendered: the query language and what each root means in that field. */
export interface ExprScope {
  readonly language: QueryLanguage;
  /** The text of each root this field can read (e.g. `input: "$"` in `Parameters`). */
  readonly roots: Partial<Record<RootName, string>>;
  /** Names the field, for error messages. */
  readonly field: string;
}

/** Root texts of JSONata: every `$states` member. */
export const jsonataRoots: Readonly<Record<Exclude<RootName, "value">, string>> = {
  input: "$states.input",
  result: "$states.result",
  context: "$states.context",
  errorOutput: "$states.errorOutput",
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** JSONata words that cannot be a bare field name. */
const jsonataReserved = new Set(["and", "or", "in", "true", "false", "null", "function"]);

/** Renders `expr` in `scope`. */
export function renderExpr(expr: Expr<unknown>, scope: ExprScope): string {
  return renderNode(nodeOf(expr), scope);
}

function renderNode(node: ExprNode, scope: ExprScope): string {
  switch (node.kind) {
    case "path":
      return renderPath(node.root, node.steps, scope);
    case "rawJsonPath":
      if (scope.language === "JSONata") {
        throw new BuilderError(`${scope.field}: unsafeJsonPath("${node.path}") cannot be used in a JSONata state`);
      }
      return node.path;
    case "rawJsonata":
      if (scope.language === "JSONPath") {
        throw new BuilderError(`${scope.field}: unsafeJsonata("${node.expression}") cannot be used in a JSONPath state`);
      }
      return node.expression;
    case "intrinsic": {
      const render = (arg: unknown): string => renderArgument(arg, scope);
      if (scope.language === "JSONata") return intrinsicToJsonata(node.name, node.args, render, scope.field);
      return `${node.name}(${node.args.map(render).join(", ")})`;
    }
  }
}

function renderPath(root: RefRoot, steps: readonly RefStep[], scope: ExprScope): string {
  let base: string;
  if (typeof root === "object") {
    if (!identifier.test(root.variable)) throw new BuilderError(`${scope.field}: invalid variable name "${root.variable}"`);
    base = `$${root.variable}`;
  } else {
    const text = scope.roots[root];
    if (text === undefined) throw new BuilderError(`${scope.field} cannot read ${describeRoot(root)}`);
    base = text;
  }
  const render = scope.language === "JSONata" ? jsonataStep : jsonPathStep;
  return base + steps.map((step) => render(step, scope.field)).join("");
}

function jsonPathStep(step: RefStep): string {
  if (typeof step === "number") return `[${step}]`;
  if (identifier.test(step)) return `.${step}`;
  return `['${step.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

function jsonataStep(step: RefStep, field: string): string {
  if (typeof step === "number") return `[${step}]`;
  if (identifier.test(step) && !jsonataReserved.has(step)) return `.${step}`;
  if (step.includes("`")) throw new BuilderError(`${field}: JSONata cannot name the field "${step}" (it contains a backtick)`);
  return `.\`${step}\``;
}

function describeRoot(root: RootName): string {
  switch (root) {
    case "input":
      return "the state input";
    case "result":
      return "the state result";
    case "context":
      return "the context object";
    case "errorOutput":
      return "the error output";
    case "value":
      return "this value";
  }
}

/** An argument of an intrinsic call: an expression or a JSON literal. */
function renderArgument(arg: unknown, scope: ExprScope): string {
  if (isExpr(arg)) return renderExpr(arg, scope);
  if (arg instanceof FormatTemplate) {
    if (scope.language === "JSONata") return jsonataLiteral(arg.text, scope.field);
    // `{}` stays a placeholder; every other character that needs it is escaped.
    return `'${arg.text.split("{}").map(escapeIntrinsicString).join("{}")}'`;
  }
  if (scope.language === "JSONata") return jsonataLiteral(arg, scope.field);
  if (typeof arg === "string") return `'${escapeIntrinsicString(arg)}'`;
  if (typeof arg === "number" && Number.isFinite(arg)) return JSON.stringify(arg);
  if (typeof arg === "boolean" || arg === null) return String(arg);
  throw new BuilderError(`${scope.field}: an intrinsic argument must be a path, a call, a string, a number, a boolean or null`);
}

/** Escapes `'`, `{`, `}` and `\` for an intrinsic string literal. */
function escapeIntrinsicString(text: string): string {
  return text.replace(/[\\'{}]/g, (c) => `\\${c}`);
}

/** A JSON value as a JSONata literal. */
export function jsonataLiteral(value: unknown, field: string): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new BuilderError(`${field}: ${value} is not JSON`);
  const text = JSON.stringify(value);
  if (text === undefined) throw new BuilderError(`${field}: ${String(value)} is not JSON`);
  return text;
}
