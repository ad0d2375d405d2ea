/**
 * The Pass state node: passes its input on, or a fixed `Result`, or a value
 * built from the input (`Parameters` / JSONata `Output`).
 *
 * @see https://states-language.net/spec.html#pass-state
 */
import type { JsonObject, JsonValue, PassState } from "../../model/index.js";
import { BuilderError } from "../errors.js";
import { type Expr, isExpr, nodeOf } from "../expr.js";
import type { RenderContext, StateNode } from "../graph.js";
import { jsonataLiteral } from "../render-expr.js";
import { renderJsonataTemplate, type Template } from "../template.js";
import { commonFields, type NodeOptions, nodeBase } from "./common.js";
import {
  allJsonataRoots,
  composeOutput,
  jsonataExpression,
  jsonPathPlacement,
  type Placement,
  renderAssign,
  renderInput,
  renderOutputPath,
  scopeFor,
} from "./io.js";
import { transition } from "./transition.js";

/** What a Pass state produces as its result. */
export type PassResult =
  | { readonly kind: "input" }
  | { readonly kind: "literal"; readonly value: JsonValue }
  | { readonly kind: "template"; readonly template: Template };

/** Everything a Pass node renders, besides its transition. */
export interface PassSpec extends NodeOptions {
  readonly result: PassResult;
  readonly placement: Placement;
  readonly outputPath?: Expr<unknown>;
  /** `Assign`, over the state input. */
  readonly assign?: Template;
}

/** A Pass state. */
export function passNode(spec: PassSpec): StateNode {
  return { ...nodeBase("Pass", spec), type: "Pass", render: (context) => renderPass(spec, context) };
}

function renderPass(spec: PassSpec, context: RenderContext): PassState {
  const { language } = context;
  const { result, placement, outputPath } = spec;
  let fields: {
    Result?: JsonValue;
    InputPath?: string;
    Parameters?: JsonObject;
    Arguments?: JsonValue;
    ItemSelector?: JsonObject;
    ResultPath?: string | null;
    OutputPath?: string;
    Output?: JsonValue;
  };
  if (language === "JSONPath") {
    if (spec.assign !== undefined && result.kind === "template" && readsInput(spec.assign)) {
      throw new BuilderError("a JSONPath Pass state with parameters cannot also assign from its input: split it in two");
    }
    fields = {
      ...(result.kind === "literal" ? { Result: result.value } : {}),
      ...(result.kind === "template" ? renderInput(result.template, language, "Parameters") : {}),
      ...jsonPathPlacement(placement),
      ...(outputPath === undefined ? {} : { OutputPath: renderOutputPath(outputPath) }),
    };
  } else {
    const scope = scopeFor(language, "Output", allJsonataRoots);
    if (result.kind !== "input" && placement.kind === "replace" && outputPath === undefined) {
      fields = { Output: result.kind === "literal" ? renderJsonataTemplate(result.value, scope) : renderJsonataTemplate(result.template, scope) };
    } else if (result.kind === "input" && placement.kind === "replace" && outputPath === undefined) {
      fields = {};
    } else {
      const resultText =
        result.kind === "input"
          ? "$states.input"
          : result.kind === "literal"
            ? jsonataLiteral(result.value, "Output")
            : jsonataExpression(result.template, scope);
      fields = { Output: `{% ${composeOutput(placement, resultText, outputPath)} %}` };
    }
  }
  return {
    Type: "Pass",
    ...commonFields(spec),
    ...fields,
    ...renderAssign(spec.assign, language, "input"),
    ...transition(context),
  };
}

/** `true` when the template reads the state input (`$` in JSONPath). */
function readsInput(template: Template | undefined): boolean {
  if (isExpr(template)) {
    const node = nodeOf(template);
    return node.kind === "rawJsonPath" || (node.kind === "path" && node.root === "input") || (node.kind === "intrinsic" && node.args.some((arg) => readsInput(arg as Template)));
  }
  if (Array.isArray(template)) return template.some((item: Template) => readsInput(item));
  if (template !== null && typeof template === "object") return Object.values(template).some(readsInput);
  return false;
}
