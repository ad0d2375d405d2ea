/**
 * Pass: passes its input on, optionally shaped by `Parameters` or replaced by a fixed `Result`.
 *
 * @see https://states-language.net/spec.html#pass-state
 */
import type { JsonValue } from "@statecraft/asl";
import { type StateCompileContext, filterPath, objectField, type RawState, resultPath, transition } from "../compile/common.js";
import { compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import { placeResult, selectInputPath, selectOutputPath } from "../io/pipeline.js";
import { compileTemplate } from "../io/template.js";
import type { CompiledState } from "../runtime/compiled.js";
import { stateOutputTooLarge } from "./output-limit.js";

export function compilePass(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  const placement = resultPath(state, ctx);
  const parameters = objectField(state, "Parameters", ctx);
  const template = parameters === undefined ? undefined : compileTemplate(parameters, pointerTo(ctx.pointer, "Parameters"), ctx.problems);
  const hasResult = "Result" in state;
  const fixedResult = state.Result as JsonValue;
  const assign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const next = transition(state, ctx);
  const name = ctx.name;
  const outputLabel = `The state '${name}' output`;
  const outputTooLarge = stateOutputTooLarge(name);
  return {
    name,
    type: "Pass",
    eventPrefix: "Pass",
    run(scope, _visit, input) {
      let effective = selectInputPath(input, inputPath, scope);
      if (template !== undefined) effective = template(effective, scope);
      const result = hasResult ? fixedResult : effective;
      const output = selectOutputPath(placeResult(input, result, placement), outputPath, scope);
      // `$` in Assign is the state's result (Result, or the Parameters output, or the effective input).
      return { output: ensureJsonPayload(output, scope.runtime.maxPayloadBytes, outputLabel, outputTooLarge), next, assigned: assign?.(result, scope) };
    },
  };
}
