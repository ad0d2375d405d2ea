/** Options and fields every state node shares. */
import type { JsonataExpression, JsonObject, QueryLanguage } from "../../model/index.js";
import { BuilderError } from "../errors.js";
import { type Expr, isExpr, isPath } from "../expr.js";
import { renderExpr } from "../render-expr.js";
import { renderJsonataTemplate, renderJsonPathTemplate, type Template } from "../template.js";
import { allJsonataRoots, jsonPathRoots, scopeFor } from "./io.js";

/** Options every state accepts. */
export interface NodeOptions {
  /** The preferred state name; made unique at build. */
  readonly name?: string;
  readonly comment?: string;
  /** Overrides the machine's query language for this state. */
  readonly queryLanguage?: QueryLanguage;
}

/** `Comment` and `QueryLanguage` of a state, when given. */
export function commonFields(options: NodeOptions): { Comment?: string; QueryLanguage?: QueryLanguage } {
  return {
    ...(options.comment === undefined ? {} : { Comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { QueryLanguage: options.queryLanguage }),
  };
}

/** Node fields shared by every state: label, query language, no nested graphs. */
export function nodeBase(label: string, options: NodeOptions) {
  return {
    label: options.name ?? label,
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
    children: [],
  };
}

/** A JSONata `{% … %}` string for `expr` reading the state input. */
export function jsonataField(expr: Expr<unknown>, field: string): JsonataExpression {
  return `{% ${renderExpr(expr, scopeFor("JSONata", field, allJsonataRoots))} %}`;
}

/** A JSONPath reference path into the state input, for a `…Path` field. */
export function inputPathField(expr: Expr<unknown>, field: string): string {
  if (!isPath(expr)) throw new BuilderError(`${field} must be a path into the state input, not a computed value`);
  return renderExpr(expr, scopeFor("JSONPath", field, { input: "$" }));
}

/**
 * A numeric field with a `…Path` twin: a literal renders as `Name`, an
 * expression as `NamePath` (JSONPath) or as a `{% %}` `Name` (JSONata).
 */
export function numberField<N extends string>(
  name: N,
  value: number | Expr<number> | undefined,
  language: QueryLanguage,
): Partial<Record<N, number | JsonataExpression> & Record<`${N}Path`, string>> {
  // The keys are `name` or `${name}Path`, as the return type says.
  type Fields = Partial<Record<N, number | JsonataExpression> & Record<`${N}Path`, string>>;
  if (value === undefined) return {};
  if (!isExpr(value)) return { [name]: value } as Fields;
  if (language === "JSONata") return { [name]: jsonataField(value, name) } as Fields;
  return { [`${name}Path`]: inputPathField(value, `${name}Path`) } as Fields;
}

/** A payload template that must render as an object (e.g. `Credentials`). */
export function objectTemplate(template: Template, language: QueryLanguage, field: string): JsonObject {
  if (language === "JSONPath") return renderJsonPathTemplate(template, scopeFor(language, field, jsonPathRoots("input")));
  const value = renderJsonataTemplate(template, scopeFor(language, field, allJsonataRoots));
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new BuilderError(`${field} must be an object`);
  return value;
}
