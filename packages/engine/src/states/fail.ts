/**
 * Fail: stops its graph with an error and a cause, fixed (`Error`, `Cause`) or read at run time (`ErrorPath`,
 * `CausePath`: a path or one of the intrinsics AWS allows there).
 *
 * @see https://states-language.net/spec.html#fail-state
 */
import { isIntrinsicCall, type JsonValue } from "@statecraft/asl";
import type { RawState, StateCompileContext } from "../compile/common.js";
import { pointerTo } from "../compile/problems.js";
import { PartialTaskError, StatesRuntimeError } from "../errors.js";
import { compileIntrinsic } from "../io/intrinsics.js";
import { type PathEnv, selectPath } from "../io/path-env.js";
import type { CompiledState } from "../runtime/compiled.js";

/** Intrinsics allowed in `ErrorPath`/`CausePath`. */
const allowedIntrinsics = new Set([
  "States.Format",
  "States.JsonToString",
  "States.ArrayGetItem",
  "States.Base64Encode",
  "States.Base64Decode",
  "States.Hash",
  "States.UUID",
]);

type Reader = (input: JsonValue, env: PathEnv) => string | undefined;

function compileText(state: RawState, field: "Error" | "Cause", ctx: StateCompileContext): Reader {
  const pathField = `${field}Path` as const;
  if (field in state && pathField in state) ctx.problems.add(ctx.pointer, `has both '${field}' and '${pathField}'`);
  if (field in state) {
    const value = state[field];
    if (typeof value !== "string") ctx.problems.add(pointerTo(ctx.pointer, field), "must be a string");
    return () => (typeof value === "string" ? value : undefined);
  }
  if (!(pathField in state)) return () => undefined;
  const pointer = pointerTo(ctx.pointer, pathField);
  const text = state[pathField];
  if (typeof text === "string" && isIntrinsicCall(text)) {
    const functionName = text.trim().slice(0, text.trim().indexOf("(")).trim();
    if (!allowedIntrinsics.has(functionName)) ctx.problems.add(pointer, `${functionName} is not allowed in ${pathField}`);
    const call = compileIntrinsic(text, pathField, pointer, ctx.problems);
    return (input, env) => {
      const value = call?.(input, env);
      if (typeof value !== "string") throw new StatesRuntimeError(`The ${pathField} intrinsic did not produce a string: ${JSON.stringify(value)}`);
      return value;
    };
  }
  const path = ctx.problems.path(pointer, text);
  return (input, env) => {
    const value = path === undefined ? undefined : selectPath(path, input, env);
    if (value === undefined) {
      // Recorded cause: localstack/localstack#11951 (an execution against Step Functions).
      throw new StatesRuntimeError(`The JSONPath '${String(text)}' specified for the field '${pathField}' could not be found in the input '${JSON.stringify(input)}'`);
    }
    if (typeof value !== "string") {
      throw new StatesRuntimeError(`The ${pathField} '${String(text)}' must select a string from the input; it selected ${JSON.stringify(value ?? null)}`);
    }
    return value;
  };
}

/** The error a Fail state raises; its `name` is the state's Error (empty when none is given). */
export class FailStateError extends PartialTaskError {}

export function compileFail(state: RawState, ctx: StateCompileContext): CompiledState {
  const readError = compileText(state, "Error", ctx);
  const readCause = compileText(state, "Cause", ctx);
  return {
    name: ctx.name,
    type: "Fail",
    eventPrefix: "Fail",
    run(scope, _visit, input) {
      const error = readError(input, scope);
      const cause = readCause(input, scope);
      throw new FailStateError(error, cause);
    },
  };
}
