/**
 * Parallel: runs every branch on the same input at once; the result is the array of branch outputs. The first
 * failing branch stops the others and fails the state with its error.
 *
 * @see https://states-language.net/spec.html#parallel-state
 */
import type { JsonValue } from "@statecraft/asl";
import {
  catchers,
  filterPath,
  objectField,
  type RawState,
  resultPath,
  retriers,
  type StateCompileContext,
  transition,
} from "../compile/common.js";
import { compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { ensureJsonPayload } from "../io/payload-size.js";
import { placeResult, selectInputPath, selectOutputPath } from "../io/pipeline.js";
import { compileTemplate } from "../io/template.js";
import type { CompiledState } from "../runtime/compiled.js";
import { withCatch, withRetry } from "../runtime/error-handling.js";
import { compileBranches, runBranches } from "./parallel-branches.js";
import { stateOutputTooLarge } from "./output-limit.js";

export function compileParallel(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  const placement = resultPath(state, ctx);
  const parametersField = objectField(state, "Parameters", ctx);
  const parameters = parametersField === undefined ? undefined : compileTemplate(parametersField, pointerTo(ctx.pointer, "Parameters"), ctx.problems);
  const selectorField = objectField(state, "ResultSelector", ctx);
  const selector = selectorField === undefined ? undefined : compileTemplate(selectorField, pointerTo(ctx.pointer, "ResultSelector"), ctx.problems);
  const assign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const retry = retriers(state, ctx);
  const catchList = catchers(state, ctx);
  const next = transition(state, ctx);
  const branches = compileBranches(state, ctx);
  const name = ctx.name;
  const outputLabel = `The state '${name}' output`;
  const outputTooLarge = stateOutputTooLarge(name);

  return {
    name,
    type: "Parallel",
    eventPrefix: "Parallel",
    run(scope, visit, input) {
      const runtime = scope.runtime;
      return withCatch(catchList, input, async () => {
        const effective = selectInputPath(input, inputPath, scope);
        const attempt = async (): Promise<JsonValue> => {
          const payload = parameters === undefined ? effective : parameters(effective, scope);
          const outputs = await runBranches(scope, branches, payload);
          return selector === undefined ? outputs : selector(outputs, scope);
        };
        const selected = await withRetry(scope, visit, retry, attempt);
        const output = selectOutputPath(placeResult(input, selected, placement), outputPath, scope);
        return { output: ensureJsonPayload(output, runtime.maxPayloadBytes, outputLabel, outputTooLarge), next, assigned: assign?.(selected, scope) };
      }, undefined, scope);
    },
  };
}
