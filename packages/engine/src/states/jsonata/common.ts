/**
 * What JSONata states share: `Output` and `Assign` evaluated together on the entry snapshot, and catchers whose
 * `Output`/`Assign` read `$states.errorOutput`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { catchers, type RawState, type StateCompileContext } from "../../compile/common.js";
import { pointerTo } from "../../compile/problems.js";
import { ensureJsonPayload } from "../../io/payload-size.js";
import type { CompiledCatcher } from "../../runtime/error-handling.js";
import type { Scope } from "../../runtime/scope.js";
import { compileJsonataAssign, type JsonataAssign, type JsonataField, optionalJsonataField, type StatesExtras } from "./fields.js";
import { stateOutputTooLarge } from "../output-limit.js";

/** A state's (or a choice rule's) `Output` and `Assign`. */
export interface JsonataExit {
  readonly output: JsonataField | undefined;
  readonly assign: JsonataAssign | undefined;
}

/** Compiles `Output` and `Assign` of `owner`, naming them `<prefix>Output`/`<prefix>Assign` in messages. */
export function compileExit(owner: RawState, pointer: string, ctx: StateCompileContext, prefix = ""): JsonataExit {
  return {
    output: optionalJsonataField(owner, "Output", pointer, ctx.problems, `${prefix}Output`),
    assign: compileJsonataAssign(owner, pointer, ctx.problems, `${prefix}Assign`),
  };
}

/** The state's output and assigned variables; without `Output` the output is `fallback`. */
export async function evaluateExit(
  exit: JsonataExit,
  scope: Scope,
  input: JsonValue,
  fallback: JsonValue,
  extras?: StatesExtras,
): Promise<{ output: JsonValue; assigned: JsonObject | undefined }> {
  // Both read the same snapshot: variables are stored only once the state exits.
  const assigned = exit.assign === undefined ? undefined : await exit.assign(scope, input, extras);
  const output = exit.output === undefined ? fallback : await exit.output(scope, input, extras);
  return { output, assigned };
}

/** Checks the size of a state's output (256 KiB by default). */
export function checkedOutput(output: JsonValue, scope: Scope, name: string): JsonValue {
  return ensureJsonPayload(output, scope.runtime.maxPayloadBytes, `The state '${name}' output`, stateOutputTooLarge(name));
}

/** `Catch` of a JSONata state: the output defaults to `$states.errorOutput`; `Assign` may read it too. */
export function jsonataCatchers(state: RawState, ctx: StateCompileContext): CompiledCatcher[] {
  const list = catchers(state, ctx);
  const entries = Array.isArray(state.Catch) ? (state.Catch as RawState[]) : [];
  return list.map((catcher, index) => {
    const entry = entries[index] ?? {};
    const exit = compileExit(entry, pointerTo(ctx.pointer, "Catch", index), ctx, `Catch[${index}]/`);
    return {
      ...catcher,
      handle: (errorOutput, rawInput, scope) => evaluateExit(exit, scope, rawInput, errorOutput, { errorOutput }),
    };
  });
}
