/**
 * Succeed and Fail: states that end the execution (no transitions).
 *
 * @see https://states-language.net/spec.html#succeed-state
 * @see https://states-language.net/spec.html#fail-state
 */
import type { FailState, QueryLanguage, SucceedState } from "../../model/index.js";
import { type Expr, isExpr } from "../expr.js";
import type { StateNode } from "../graph.js";
import { renderExpr } from "../render-expr.js";
import { commonFields, jsonataField, type NodeOptions, nodeBase } from "./common.js";
import { composeOutput, jsonPathRoots, renderOutputPath, scopeFor } from "./io.js";

/** A Succeed state; `outputPath` selects the execution output from the state input. */
export function succeedNode(options: NodeOptions & { readonly outputPath?: Expr<unknown> }): StateNode {
  const render = (language: QueryLanguage): SucceedState => {
    const { outputPath } = options;
    const output =
      outputPath === undefined
        ? {}
        : language === "JSONPath"
          ? { OutputPath: renderOutputPath(outputPath) }
          : { Output: `{% ${composeOutput({ kind: "discard" }, "", outputPath)} %}` };
    return { Type: "Succeed", ...commonFields(options), ...output };
  };
  return { ...nodeBase("Succeed", options), type: "Succeed", render: (context) => render(context.language) };
}

/** What a Fail state reports: literal strings, or expressions (`ErrorPath`/`CausePath`, or JSONata). */
export interface FailSpec extends NodeOptions {
  readonly error?: string | Expr<string>;
  readonly cause?: string | Expr<string>;
}

/** A Fail state. */
export function failNode(spec: FailSpec): StateNode {
  const field = (name: "Error" | "Cause", value: string | Expr<string> | undefined, language: QueryLanguage) => {
    if (value === undefined) return {};
    if (!isExpr(value)) return { [name]: value };
    if (language === "JSONata") return { [name]: jsonataField(value, name) };
    // ErrorPath and CausePath take a path or an intrinsic call.
    return { [`${name}Path`]: renderExpr(value, scopeFor(language, `${name}Path`, jsonPathRoots("input"))) };
  };
  return {
    ...nodeBase("Fail", spec),
    type: "Fail",
    render: ({ language }): FailState => ({
      Type: "Fail",
      ...commonFields(spec),
      ...field("Error", spec.error, language),
      ...field("Cause", spec.cause, language),
    }),
  };
}
