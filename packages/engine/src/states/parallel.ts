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
import { SiblingFailed } from "../runtime/abort.js";
import type { CompiledGraph, CompiledState } from "../runtime/compiled.js";
import { withCatch, withRetry } from "../runtime/error-handling.js";
import { runGraph } from "../runtime/run-graph.js";
import { Scope } from "../runtime/scope.js";

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
  const branches: CompiledGraph[] = [];
  if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
    ctx.problems.add(pointerTo(ctx.pointer, "Branches"), "must be a non-empty array of state graphs");
  } else {
    state.Branches.forEach((branch: unknown, index: number) => {
      const compiled = ctx.compileGraph(branch, pointerTo(ctx.pointer, "Branches", index));
      if (compiled !== undefined) branches.push(compiled);
    });
  }
  const name = ctx.name;

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
          const startedId = scope.record("ParallelStateStarted");
          const { cancellation, release } = scope.cancellation.child();
          try {
            const runs = branches.map((branch) => runGraph(new Scope(runtime, cancellation, startedId, scope.variables), branch, branch.startAt, payload));
            // The first failure stops the sibling branches.
            for (const run of runs) run.catch(() => cancellation.abort(new SiblingFailed("another branch failed")));
            const outputs = await Promise.all(runs);
            scope.lastEventId = runtime.history.lastId;
            scope.record("ParallelStateSucceeded");
            return selector === undefined ? outputs : selector(outputs, scope);
          } catch (error) {
            scope.lastEventId = runtime.history.lastId;
            if (runtime.halted === undefined) scope.record("ParallelStateFailed");
            throw error;
          } finally {
            release();
          }
        };
        const selected = await withRetry(scope, visit, retry, attempt);
        const output = selectOutputPath(placeResult(input, selected, placement), outputPath, scope);
        return { output: ensureJsonPayload(output, runtime.maxPayloadBytes, `The state '${name}' output`), next, assigned: assign?.(selected, scope) };
      }, undefined, scope);
    },
  };
}
