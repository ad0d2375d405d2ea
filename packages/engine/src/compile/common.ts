/**
 * Compiling the fields states share: filters, ResultPath, Next/End, Retry and Catch.
 *
 * @see https://states-language.net/spec.html#state-type-table
 */
import type { CompiledGraph } from "../runtime/compiled.js";
import type { CompiledCatcher, CompiledRetrier } from "../runtime/error-handling.js";
import { type FilterPath, placeResult, type ResultPathSpec } from "../io/pipeline.js";
import { compileJsonPathAssign } from "./assign.js";
import { pointerTo, type Problems } from "./problems.js";

/** A state as read from the definition (validated field by field while compiling). */
export type RawState = Record<string, unknown>;

/** What compiling one state needs. */
export interface StateCompileContext {
  readonly name: string;
  readonly pointer: string;
  readonly problems: Problems;
  /** Names of the states of the graph this state belongs to (targets of Next/Default/Catch). */
  readonly siblings: ReadonlySet<string>;
  /** The state's query language (its own `QueryLanguage`, else its graph's). */
  readonly language?: "JSONPath" | "JSONata";
  /** Compiles a nested graph (Parallel branch, Map item processor). */
  compileGraph(graph: unknown, pointer: string): CompiledGraph | undefined;
}

/** Reads `InputPath`/`OutputPath`: absent, `null` or a path. */
export function filterPath(state: RawState, field: "InputPath" | "OutputPath", ctx: StateCompileContext): FilterPath {
  if (!(field in state)) return undefined;
  const value = state[field];
  if (value === null) return null;
  return ctx.problems.path(pointerTo(ctx.pointer, field), value);
}

/** Reads `ResultPath`: absent, `null` or a reference path. */
export function resultPath(state: RawState, ctx: StateCompileContext, pointer = pointerTo(ctx.pointer, "ResultPath")): ResultPathSpec {
  if (!("ResultPath" in state)) return undefined;
  const value = state.ResultPath;
  if (value === null) return null;
  return ctx.problems.referencePath(pointer, value);
}

/** Checks that `target` names a state of the same graph. */
export function checkTarget(target: unknown, pointer: string, ctx: StateCompileContext): string | undefined {
  if (typeof target !== "string") {
    ctx.problems.add(pointer, "must be the name of a state");
    return undefined;
  }
  if (!ctx.siblings.has(target)) {
    ctx.problems.add(pointer, `'${target}' is not a state of this graph`);
    return undefined;
  }
  return target;
}

/** Reads `Next`/`End`: the next state name, or `undefined` for a terminal state. */
export function transition(state: RawState, ctx: StateCompileContext): string | undefined {
  const hasNext = "Next" in state;
  const end = state.End === true;
  if (hasNext && end) ctx.problems.add(ctx.pointer, "has both 'Next' and 'End'");
  if (!hasNext && !end) ctx.problems.add(ctx.pointer, "needs 'Next' or 'End: true'");
  if ("End" in state && typeof state.End !== "boolean") ctx.problems.add(pointerTo(ctx.pointer, "End"), "must be a boolean");
  return hasNext ? checkTarget(state.Next, pointerTo(ctx.pointer, "Next"), ctx) : undefined;
}

function errorEquals(value: unknown, pointer: string, ctx: StateCompileContext): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((name) => typeof name === "string")) {
    ctx.problems.add(pointer, "ErrorEquals must be a non-empty array of error names");
    return [];
  }
  if (value.includes("States.ALL") && value.length > 1) ctx.problems.add(pointer, "States.ALL must appear alone in ErrorEquals");
  return value as string[];
}

function optionalNumber(entry: RawState, field: string, pointer: string, ctx: StateCompileContext, min: number, integer: boolean): number | undefined {
  if (!(field in entry)) return undefined;
  const value = entry[field];
  if (typeof value !== "number" || value < min || (integer && !Number.isInteger(value))) {
    ctx.problems.add(pointerTo(pointer, field), `must be ${integer ? "an integer" : "a number"} ≥ ${min}`);
    return undefined;
  }
  return value;
}

function entries(state: RawState, field: "Retry" | "Catch", ctx: StateCompileContext): RawState[] {
  const value = state[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "object" && entry !== null && !Array.isArray(entry))) {
    ctx.problems.add(pointerTo(ctx.pointer, field), "must be an array of objects");
    return [];
  }
  return value as RawState[];
}

function checkAllIsLast(list: RawState[], field: string, ctx: StateCompileContext): void {
  list.forEach((entry, index) => {
    const names = entry.ErrorEquals;
    if (Array.isArray(names) && names.includes("States.ALL") && index !== list.length - 1) {
      ctx.problems.add(pointerTo(ctx.pointer, field, index, "ErrorEquals"), "a States.ALL entry must be the last one");
    }
  });
}

/** Reads `Retry`. @see https://states-language.net/spec.html#retrying-after-error */
export function retriers(state: RawState, ctx: StateCompileContext): CompiledRetrier[] {
  const list = entries(state, "Retry", ctx);
  checkAllIsLast(list, "Retry", ctx);
  return list.map((entry, index) => {
    const pointer = pointerTo(ctx.pointer, "Retry", index);
    const jitter = entry.JitterStrategy;
    if (jitter !== undefined && jitter !== "FULL" && jitter !== "NONE") ctx.problems.add(pointerTo(pointer, "JitterStrategy"), "must be FULL or NONE");
    return {
      errorEquals: errorEquals(entry.ErrorEquals, pointerTo(pointer, "ErrorEquals"), ctx),
      intervalSeconds: optionalNumber(entry, "IntervalSeconds", pointer, ctx, 1, true) ?? 1,
      maxAttempts: optionalNumber(entry, "MaxAttempts", pointer, ctx, 0, true) ?? 3,
      backoffRate: optionalNumber(entry, "BackoffRate", pointer, ctx, 1, false) ?? 2,
      maxDelaySeconds: optionalNumber(entry, "MaxDelaySeconds", pointer, ctx, 1, true),
      fullJitter: jitter === "FULL",
    };
  });
}

/** Reads `Catch`. @see https://states-language.net/spec.html#fallback-states */
export function catchers(state: RawState, ctx: StateCompileContext): CompiledCatcher[] {
  const list = entries(state, "Catch", ctx);
  checkAllIsLast(list, "Catch", ctx);
  return list.map((entry, index) => {
    const pointer = pointerTo(ctx.pointer, "Catch", index);
    const placement = resultPath(entry, ctx, pointerTo(pointer, "ResultPath"));
    // JSONata catchers get their Output/Assign from the JSONata compiler; a JSONPath `Assign` reads `$` as the error output.
    const assign = ctx.language === "JSONata" ? undefined : compileJsonPathAssign(entry, pointer, ctx.problems);
    return {
      errorEquals: errorEquals(entry.ErrorEquals, pointerTo(pointer, "ErrorEquals"), ctx),
      next: checkTarget(entry.Next, pointerTo(pointer, "Next"), ctx) ?? "",
      resultPath: placement,
      handle:
        assign === undefined
          ? undefined
          : (error, rawInput, scope) => ({ output: placeResult(rawInput, error, placement), assigned: assign(error, scope) }),
    };
  });
}

/** Reads a JSON-object field (payload templates). */
export function objectField(state: RawState, field: string, ctx: StateCompileContext): Record<string, unknown> | undefined {
  const value = state[field];
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.problems.add(pointerTo(ctx.pointer, field), "must be a JSON object");
    return undefined;
  }
  return value as Record<string, unknown>;
}
