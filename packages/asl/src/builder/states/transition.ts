import type { Transition } from "../../model/index.js";
import type { RenderContext } from "../graph.js";

/** `Next` to the linked state, or `End: true` when nothing follows. */
export function transition(context: RenderContext): Transition {
  const next = context.target("next");
  return next === undefined ? { End: true } : { Next: next };
}
