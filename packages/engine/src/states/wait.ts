/**
 * Wait: delays for `Seconds`/`SecondsPath` or until `Timestamp`/`TimestampPath`, on the injected clock.
 *
 * @see https://states-language.net/spec.html#wait-state
 */
import type { JsonValue } from "@statecraft/asl";
import { filterPath, type RawState, type StateCompileContext, transition } from "../compile/common.js";
import { compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { StatesRuntimeError } from "../errors.js";
import { type PathEnv, selectPath } from "../io/path-env.js";
import { selectInputPath, selectOutputPath } from "../io/pipeline.js";
import type { CompiledState } from "../runtime/compiled.js";
import { parseTimestamp } from "./choice-rules.js";

/** Milliseconds to wait from `now`, given the state's effective input. */
type Delay = (input: JsonValue, env: PathEnv, now: number) => number;

function compileDelay(state: RawState, ctx: StateCompileContext): Delay {
  const fields = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter((field) => field in state);
  if (fields.length !== 1) {
    ctx.problems.add(ctx.pointer, "needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
    return () => 0;
  }
  const [field = ""] = fields;
  const pointer = pointerTo(ctx.pointer, field);
  const value = state[field];
  switch (field) {
    case "Seconds": {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) ctx.problems.add(pointer, "must be a non-negative integer");
      const ms = typeof value === "number" ? value * 1000 : 0;
      return () => ms;
    }
    case "Timestamp": {
      const time = parseTimestamp(value as JsonValue);
      if (time === undefined) ctx.problems.add(pointer, "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z");
      return (_input, _env, now) => Math.max(0, (time ?? now) - now);
    }
    default: {
      const path = ctx.problems.path(pointer, value);
      return (input, env, now) => {
        const selected = path === undefined ? undefined : selectPath(path, input, env);
        if (field === "SecondsPath") {
          if (typeof selected !== "number" || !Number.isInteger(selected) || selected < 0) {
            throw new StatesRuntimeError(`The SecondsPath '${String(value)}' must select a non-negative integer; it selected ${JSON.stringify(selected ?? null)}`);
          }
          return selected * 1000;
        }
        const time = parseTimestamp(selected);
        if (time === undefined) {
          // Cause as recorded against Step Functions (localstack test_base_scenarios.snapshot.json, test_wait_timestamp_path).
          throw new StatesRuntimeError(
            `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${String(value)} == ${typeof selected === "string" ? selected : JSON.stringify(selected ?? null)}`,
          );
        }
        return Math.max(0, time - now);
      };
    }
  }
}

export function compileWait(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  const delay = compileDelay(state, ctx);
  const assign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const next = transition(state, ctx);
  return {
    name: ctx.name,
    type: "Wait",
    eventPrefix: "Wait",
    async run(scope, _visit, input) {
      const runtime = scope.runtime;
      const effective = selectInputPath(input, inputPath, scope);
      const ms = delay(effective, scope, runtime.clock.now());
      await runtime.clock.sleep(ms, scope.signal);
      runtime.checkDeadline();
      runtime.throwIfHalted();
      return { output: selectOutputPath(effective, outputPath, scope), next, assigned: assign?.(effective, scope) };
    },
  };
}
