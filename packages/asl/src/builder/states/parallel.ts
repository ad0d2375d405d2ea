/**
 * The Parallel state node: runs its branches on the same input; the result is
 * the array of the branches' outputs.
 *
 * @see https://states-language.net/spec.html#parallel-state
 */
import type { ParallelState } from "../../model/index.js";
import type { Fragment, StateNode } from "../graph.js";
import type { Template } from "../template.js";
import { commonFields, type NodeOptions, nodeBase } from "./common.js";
import { renderErrorHandling } from "./error-handling.js";
import { assignJsonataRoots, renderAssign, renderInput, renderResult, type ResultSpec } from "./io.js";
import { transition } from "./transition.js";

/** Everything a Parallel node renders, besides its transitions and error handling. */
export interface ParallelSpec extends NodeOptions {
  readonly branches: readonly Fragment[];
  /** What each branch receives (`Parameters` / `Arguments`). Default: the state input. */
  readonly input?: Template;
  readonly result: ResultSpec;
  readonly assign?: Template;
}

/** A Parallel state. */
export function parallelNode(spec: ParallelSpec): StateNode {
  return {
    ...nodeBase("Parallel", spec),
    type: "Parallel",
    children: spec.branches,
    render: (context): ParallelState => ({
      Type: "Parallel",
      ...commonFields(spec),
      ...renderInput(spec.input, context.language, "Parameters"),
      Branches: spec.branches.map((branch) => context.graph(branch)),
      ...renderResult(spec.result, context.language),
      ...renderAssign(spec.assign, context.language, "result", assignJsonataRoots(spec.result)),
      ...renderErrorHandling(context),
      ...transition(context),
    }),
  };
}
