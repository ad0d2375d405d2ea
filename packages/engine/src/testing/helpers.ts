/** Test helpers (excluded from the build). */
import type { JsonValue } from "@statecraft/asl";
import { runExecution } from "../state-machine.js";
import type { ExecutionResult, RunOptions } from "../types.js";

/** A definition from a States object; StartAt is the first state. */
export function machine(states: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

/** Runs with the virtual clock (Wait/Retry take no real time). */
export function run(definition: unknown, input: JsonValue, options: RunOptions = {}): Promise<ExecutionResult> {
  return runExecution(definition, input, { clock: "virtual", ...options });
}

/** Runs a one-state machine (the state is named "S") and returns the result. */
export function runState(state: Record<string, unknown>, input: JsonValue, options: RunOptions = {}): Promise<ExecutionResult> {
  return run(machine({ S: state }), input, options);
}

/** Event types of a result, in order. */
export function types(result: ExecutionResult): string[] {
  return result.history.map((event) => event.type);
}
