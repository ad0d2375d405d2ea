/** Helpers for the intrinsic function tests: evaluate, check and expect a failure, on a flat test input. */
import type { JsonValue } from "../model/json.js";
import { checkIntrinsic } from "./check.js";
import { IntrinsicFailure } from "./errors.js";
import { evaluateIntrinsic } from "./evaluate.js";
import { parseIntrinsic } from "./parser.js";

/** Evaluates `text`; `$.name` paths read `input.name`. */
export const run = (text: string, input: Record<string, JsonValue> = {}): JsonValue =>
  evaluateIntrinsic(parseIntrinsic(text), {
    resolvePath: (path) => {
      const value = input[path.slice(2)];
      if (value === undefined) throw new Error(`no ${path} in test input`);
      return value;
    },
  });

/** The static-check messages for `text`. */
export const problems = (text: string): string[] => checkIntrinsic(parseIntrinsic(text)).map((problem) => problem.message);

/** The message of the `States.IntrinsicFailure` that evaluating `text` raises (any other outcome fails the test). */
export const failure = (text: string, input: Record<string, JsonValue> = {}): string => {
  try {
    run(text, input);
  } catch (error) {
    if (error instanceof IntrinsicFailure) return error.message;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
};
