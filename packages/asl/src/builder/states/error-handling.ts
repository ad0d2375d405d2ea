/**
 * `Retry` and `Catch` of Task, Parallel and Map states.
 *
 * @see https://states-language.net/spec.html#errors
 */
import type { Catcher, ErrorHandling } from "../../model/index.js";
import type { RenderContext } from "../graph.js";
import { composeOutput, jsonPathPlacement, renderAssign } from "./io.js";

/** The state's `Retry` and `Catch` arrays (left out when empty). */
export function renderErrorHandling(context: RenderContext): ErrorHandling {
  const { language } = context;
  const catchers = context.catchers.map(({ spec, next }): Catcher => {
    const output =
      language === "JSONPath"
        ? jsonPathPlacement(spec.placement)
        : spec.placement.kind === "replace"
          ? {}
          : { Output: `{% ${composeOutput(spec.placement, "$states.errorOutput", undefined)} %}` };
    return {
      ErrorEquals: [...spec.errors],
      ...(spec.comment === undefined ? {} : { Comment: spec.comment }),
      ...output,
      ...renderAssign(spec.assign, language, "errorOutput"),
      Next: next,
    };
  });
  return {
    ...(context.retriers.length === 0 ? {} : { Retry: [...context.retriers] }),
    ...(catchers.length === 0 ? {} : { Catch: catchers }),
  };
}
