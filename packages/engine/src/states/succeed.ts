/**
 * Succeed: ends its graph successfully with its (filtered) input as output.
 *
 * @see https://states-language.net/spec.html#succeed-state
 */
import { type StateCompileContext, filterPath, type RawState } from "../compile/common.js";
import { selectInputPath, selectOutputPath } from "../io/pipeline.js";
import type { CompiledState } from "../runtime/compiled.js";

export function compileSucceed(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  return {
    name: ctx.name,
    type: "Succeed",
    eventPrefix: "Succeed",
    run(scope, _visit, input) {
      return { output: selectOutputPath(selectInputPath(input, inputPath, scope), outputPath, scope), next: undefined };
    },
  };
}
