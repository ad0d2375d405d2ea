/**
 * Intrinsic function calls in `.$` fields: parsed once at load time, evaluated per state visit.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { evaluateIntrinsic, type IntrinsicCall, intrinsicPaths, type JsonValue, parseIntrinsic } from "@statecraft/asl";
import { IntrinsicFailure, StatesError, StatesRuntimeError } from "../errors.js";
import type { Problems } from "../compile/problems.js";
import { cachedPath, type PathEnv, selectPath } from "./path-env.js";

/** An intrinsic call ready to evaluate. */
export type CompiledIntrinsic = (input: JsonValue, env: PathEnv) => JsonValue;

function toStatesError(error: unknown, field: string): StatesError {
  if (error instanceof StatesError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === "States.IntrinsicFailure") return new IntrinsicFailure(`${message} (field '${field}')`);
  if (error instanceof Error && error.name === "States.Runtime") return new StatesRuntimeError(`${message} (field '${field}')`);
  return new IntrinsicFailure(`${message} (field '${field}')`);
}

/** Parses `text`; records a problem (and returns `undefined`) when it is not a valid call. */
export function compileIntrinsic(text: string, field: string, pointer: string, problems: Problems): CompiledIntrinsic | undefined {
  let call: IntrinsicCall;
  try {
    call = parseIntrinsic(text);
  } catch (error) {
    problems.add(pointer, error instanceof Error ? error.message : String(error));
    return undefined;
  }
  // Path arguments are checked (and compiled into the cache) at load time.
  for (const argument of intrinsicPaths(call)) {
    const compiled = problems.path(pointer, argument.path);
    if (compiled !== undefined) cachedPath(argument.path);
  }
  // One runtime object per call site, pointed at the current input and environment before each evaluation
  // (evaluation is synchronous, so this is safe and saves allocating closures per visit).
  let currentInput: JsonValue = null;
  let currentEnv: PathEnv | undefined;
  const runtime = {
    resolvePath(path: string): JsonValue {
      const value = currentEnv === undefined ? undefined : selectPath(cachedPath(path), currentInput, currentEnv);
      if (value === undefined) {
        // Step Functions' text (a States.Runtime error, as recorded against it; see StatesRuntimeError).
        throw new StatesRuntimeError(
          `The function '${text}' had the following error: The JsonPath argument for the field '${path}' could not be found in the input '${JSON.stringify(currentInput)}'`,
        );
      }
      return value;
    },
    random: () => currentEnv?.random() ?? Math.random(),
    uuid: () => currentEnv?.uuid() ?? crypto.randomUUID(),
  };
  return (input, env) => {
    const previousInput = currentInput;
    const previousEnv = currentEnv;
    currentInput = input;
    currentEnv = env;
    try {
      return evaluateIntrinsic(call, runtime);
    } catch (error) {
      throw toStatesError(error, field);
    } finally {
      currentInput = previousInput;
      currentEnv = previousEnv;
    }
  };
}
