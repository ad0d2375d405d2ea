/**
 * What Parallel does in both query languages: compile its branches, and run
 * them all on one input with their `ParallelState*` events. The first failing
 * branch stops its siblings and fails the state with its error.
 *
 * @see https://states-language.net/spec.html#parallel-state
 */
import type { JsonValue } from "@statecraft/asl";
import type { RawState, StateCompileContext } from "../compile/common.js";
import { pointerTo } from "../compile/problems.js";
import { SiblingFailed } from "../runtime/abort.js";
import type { CompiledGraph } from "../runtime/compiled.js";
import { runGraphAsync } from "../runtime/run-graph.js";
import { Scope } from "../runtime/scope.js";

/** Compiles `Branches`, reporting a missing or empty array. */
export function compileBranches(state: RawState, ctx: StateCompileContext): CompiledGraph[] {
  const branches: CompiledGraph[] = [];
  if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
    ctx.problems.add(pointerTo(ctx.pointer, "Branches"), "must be a non-empty array of state graphs");
    return branches;
  }
  state.Branches.forEach((branch: unknown, index: number) => {
    const compiled = ctx.compileGraph(branch, pointerTo(ctx.pointer, "Branches", index));
    if (compiled !== undefined) branches.push(compiled);
  });
  return branches;
}

/** Runs every branch on `payload` at once, recording Started and Succeeded/Failed; resolves to their outputs. */
export async function runBranches(scope: Scope, branches: readonly CompiledGraph[], payload: JsonValue): Promise<JsonValue[]> {
  const runtime = scope.runtime;
  const startedId = scope.record("ParallelStateStarted");
  const { cancellation, release } = scope.cancellation.child();
  try {
    const runs = branches.map((branch) => runGraphAsync(new Scope(runtime, cancellation, startedId, scope.variables), branch, branch.startAt, payload));
    // The first failure stops the sibling branches.
    for (const run of runs) run.catch(() => cancellation.abort(new SiblingFailed("another branch failed")));
    const outputs = await Promise.all(runs);
    scope.lastEventId = runtime.history.lastId;
    scope.record("ParallelStateSucceeded");
    return outputs;
  } catch (error) {
    scope.lastEventId = runtime.history.lastId;
    if (runtime.halted === undefined) scope.record("ParallelStateFailed");
    throw error;
  } finally {
    release();
  }
}
