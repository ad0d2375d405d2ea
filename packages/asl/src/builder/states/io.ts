/**
 * Input and output processing of a state, rendered for its query language:
 * JSONPath `InputPath`/`Parameters`/`ResultSelector`/`ResultPath`/`OutputPath`,
 * or JSONata `Arguments`/`Output`; `Assign` in both.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { JsonObject, JsonValue, QueryLanguage } from "../../model/index.js";
import { BuilderError } from "../errors.js";
import { type Expr, isExpr, isPath, nodeOf } from "../expr.js";
import { type ExprScope, jsonataLiteral, jsonataRoots, renderExpr, type RootName } from "../render-expr.js";
import { renderJsonataTemplate, renderJsonPathTemplate, type Template } from "../template.js";

/** Where a state's result goes: replaces the input (`$`), into a key (`$.key`), or is discarded (`null`). */
export type Placement =
  | { readonly kind: "replace" }
  | { readonly kind: "into"; readonly key: string }
  | { readonly kind: "discard" };

/** How a result-producing state (Task, Parallel, Map, Pass) shapes its output. */
export interface ResultSpec {
  /** `ResultSelector`, over the raw result. */
  readonly selector?: Template;
  readonly placement: Placement;
  /** `OutputPath`, over the value after placement. */
  readonly outputPath?: Expr<unknown>;
}

/** The roots a field reads in each language (variables are always readable). */
export function scopeFor(language: QueryLanguage, field: string, roots: Partial<Record<RootName, string>>): ExprScope {
  return { language, field, roots };
}

/** JSONPath roots: `$` (the field's document) and `$$`. */
export function jsonPathRoots(dollar: RootName): Partial<Record<RootName, string>> {
  return { [dollar]: "$", context: "$$" };
}

/** JSONata roots: every `$states` member. */
export const allJsonataRoots: Partial<Record<RootName, string>> = { ...jsonataRoots };

/** `Parameters` (JSONPath; a bare input path becomes `InputPath`) or `Arguments` (JSONata). */
export function renderInput(
  template: Template | undefined,
  language: QueryLanguage,
  field: "Parameters" | "ItemSelector",
): { InputPath?: string; Parameters?: JsonObject; Arguments?: JsonValue; ItemSelector?: JsonObject } {
  if (template === undefined) return {};
  if (language === "JSONata") {
    const value = renderJsonataTemplate(template, scopeFor(language, field, allJsonataRoots));
    return field === "ItemSelector" ? { ItemSelector: asObject(value, field) } : { Arguments: value };
  }
  const scope = scopeFor(language, field, jsonPathRoots("input"));
  if (field === "Parameters" && isExpr(template) && isPath(template) && rootOf(template) === "input") {
    return { InputPath: renderExpr(template, scope) };
  }
  return { [field]: renderJsonPathTemplate(template, scope) };
}

function asObject(value: JsonValue, field: string): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BuilderError(`${field} must build an object`);
  }
  return value;
}

function rootOf(expr: Expr<unknown>): string | undefined {
  const node = nodeOf(expr);
  return node.kind === "path" && typeof node.root === "string" ? node.root : undefined;
}

/** A JSONata expression (no delimiters) for `template`: object and array constructors around expressions. */
export function jsonataExpression(template: Template, scope: ExprScope): string {
  if (isExpr(template)) return renderExpr(template, scope);
  if (Array.isArray(template)) return `[${template.map((item: Template) => jsonataExpression(item, scope)).join(", ")}]`;
  if (template !== null && typeof template === "object") {
    const fields = Object.entries(template).flatMap(([key, value]) =>
      value === undefined ? [] : [`${JSON.stringify(key)}: ${jsonataExpression(value, scope)}`],
    );
    return `{${fields.join(", ")}}`;
  }
  return jsonataLiteral(template, scope.field);
}

/**
 * The result fields of a Task, Parallel or Map. In JSONata the selector,
 * placement and output path compose into one `Output` expression.
 */
export function renderResult(
  spec: ResultSpec,
  language: QueryLanguage,
): { ResultSelector?: JsonObject; ResultPath?: string | null; OutputPath?: string; Output?: JsonValue } {
  if (language === "JSONPath") {
    return {
      ...(spec.selector === undefined
        ? {}
        : { ResultSelector: renderJsonPathTemplate(spec.selector, scopeFor(language, "ResultSelector", jsonPathRoots("result"))) }),
      ...jsonPathPlacement(spec.placement),
      ...(spec.outputPath === undefined ? {} : { OutputPath: renderOutputPath(spec.outputPath) }),
    };
  }
  const { placement, selector, outputPath } = spec;
  if (placement.kind === "replace" && outputPath === undefined) {
    if (selector === undefined) return {};
    return { Output: renderJsonataTemplate(selector, scopeFor(language, "Output", allJsonataRoots)) };
  }
  const result = resultExpression(selector, "result");
  return { Output: `{% ${composeOutput(placement, result, outputPath)} %}` };
}

/** The JSONata text of the (selected) result, read from `$states.<root>`. */
export function resultExpression(selector: Template | undefined, root: "result" | "errorOutput"): string {
  if (selector === undefined) return jsonataRoots[root];
  return jsonataExpression(selector, scopeFor("JSONata", "Output", allJsonataRoots));
}

/** Places `result` per `placement`, then applies `outputPath`: one JSONata expression. */
export function composeOutput(placement: Placement, result: string, outputPath: Expr<unknown> | undefined): string {
  const placed =
    placement.kind === "replace"
      ? result
      : placement.kind === "discard"
        ? jsonataRoots.input
        : `$merge([${jsonataRoots.input}, {${JSON.stringify(placement.key)}: ${result}}])`;
  if (outputPath === undefined) return placed;
  return renderExpr(outputPath, scopeFor("JSONata", "Output", { ...allJsonataRoots, value: `(${placed})` }));
}

/** `ResultPath` for a placement (nothing for the default `$`). */
export function jsonPathPlacement(placement: Placement): { ResultPath?: string | null } {
  switch (placement.kind) {
    case "replace":
      return {};
    case "discard":
      return { ResultPath: null };
    case "into":
      return { ResultPath: intoPath(placement.key) };
  }
}

/** `$.key` (or `$['odd key']`). */
export function intoPath(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `$.${key}` : `$['${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

/** `OutputPath` of a JSONPath state: must be a path over the output. */
export function renderOutputPath(outputPath: Expr<unknown>): string {
  if (!isPath(outputPath)) throw new BuilderError("OutputPath must be a path, not a computed value");
  return renderExpr(outputPath, scopeFor("JSONPath", "OutputPath", { value: "$" }));
}

/**
 * `Assign`. `dollar` is what `$` means in a JSONPath `Assign` (the result for
 * Task/Parallel/Map, the error output in a catcher, the input elsewhere);
 * `jsonata` gives the text of each root in JSONata.
 */
export function renderAssign(
  assign: Template | undefined,
  language: QueryLanguage,
  dollar: RootName,
  jsonata: Partial<Record<RootName, string>> = allJsonataRoots,
): { Assign?: JsonObject } {
  if (assign === undefined) return {};
  if (language === "JSONPath") {
    return { Assign: renderJsonPathTemplate(assign, scopeFor(language, "Assign", jsonPathRoots(dollar))) };
  }
  return { Assign: asObject(renderJsonataTemplate(assign, scopeFor(language, "Assign", jsonata)), "Assign") };
}

/** JSONata roots of a Task/Parallel/Map `Assign`: `result` is the selected result when there is a `ResultSelector`. */
export function assignJsonataRoots(result: ResultSpec): Partial<Record<RootName, string>> {
  if (result.selector === undefined) return allJsonataRoots;
  return { ...allJsonataRoots, result: `(${resultExpression(result.selector, "result")})` };
}
