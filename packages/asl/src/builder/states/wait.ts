/**
 * The Wait state node: a fixed or computed number of seconds, or until a timestamp.
 *
 * @see https://states-language.net/spec.html#wait-state
 */
import type { WaitState } from "../../model/index.js";
import { type Expr, isExpr } from "../expr.js";
import type { StateNode } from "../graph.js";
import type { Template } from "../template.js";
import { commonFields, inputPathField, jsonataField, type NodeOptions, nodeBase, numberField } from "./common.js";
import { renderAssign, renderOutputPath, composeOutput } from "./io.js";
import { transition } from "./transition.js";

/** How long a Wait state waits. */
export type WaitFor =
  | { readonly seconds: number | Expr<number> }
  /** An RFC 3339 timestamp, e.g. `2026-12-01T00:00:00Z`. */
  | { readonly timestamp: string | Expr<string> };

/** Everything a Wait node renders, besides its transition. */
export interface WaitSpec extends NodeOptions {
  readonly wait: WaitFor;
  readonly outputPath?: Expr<unknown>;
  readonly assign?: Template;
}

/** A Wait state. */
export function waitNode(spec: WaitSpec): StateNode {
  return {
    ...nodeBase("Wait", spec),
    type: "Wait",
    render: (context): WaitState => {
      const { language } = context;
      const { wait, outputPath } = spec;
      let duration: Partial<Pick<WaitState, "Seconds" | "SecondsPath" | "Timestamp" | "TimestampPath">>;
      if ("seconds" in wait) duration = numberField("Seconds", wait.seconds, language);
      else if (!isExpr(wait.timestamp)) duration = { Timestamp: wait.timestamp };
      else if (language === "JSONata") duration = { Timestamp: jsonataField(wait.timestamp, "Timestamp") };
      else duration = { TimestampPath: inputPathField(wait.timestamp, "TimestampPath") };
      const output =
        outputPath === undefined
          ? {}
          : language === "JSONPath"
            ? { OutputPath: renderOutputPath(outputPath) }
            : { Output: `{% ${composeOutput({ kind: "discard" }, "", outputPath)} %}` };
      return {
        Type: "Wait",
        ...commonFields(spec),
        ...duration,
        ...output,
        ...renderAssign(spec.assign, language, "input"),
        ...transition(context),
      };
    },
  };
}
