import { randomUUID } from "node:crypto";
import type { JsonValue } from "../model/json.js";
import type { IntrinsicArgument, IntrinsicCall } from "./ast.js";
import { arityMessage } from "./define.js";
import { InvalidIntrinsicCall } from "./errors.js";
import { lookupIntrinsic } from "./registry.js";

/** What evaluating a call needs from its surroundings. */
export interface IntrinsicRuntime {
  /**
   * Value of a path argument as written (`$.a`, `$$.Execution.Id`, `$name`). Its errors (e.g. a path
   * that matches nothing) propagate unchanged.
   */
  resolvePath(path: string): JsonValue;
  /** Uniform random number in [0, 1) for States.MathRandom without a seed. @default Math.random */
  random?: () => number;
  /** v4 UUID generator for States.UUID. @default crypto.randomUUID */
  uuid?: () => string;
}

/**
 * Evaluates a parsed intrinsic call, innermost calls first.
 *
 * @throws IntrinsicFailure (`States.IntrinsicFailure`) when a function is given values it cannot use.
 * @throws InvalidIntrinsicCall (`States.Runtime`) for an unknown function or a wrong argument count.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export function evaluateIntrinsic(call: IntrinsicCall, runtime: IntrinsicRuntime): JsonValue {
  const spec = lookupIntrinsic(call.name);
  if (spec === undefined) throw new InvalidIntrinsicCall(call.offset, `Unknown intrinsic function ${call.name}`);
  if (call.args.length < spec.minArgs || call.args.length > spec.maxArgs) {
    throw new InvalidIntrinsicCall(call.offset, arityMessage(spec.name, spec.minArgs, spec.maxArgs, call.args.length));
  }
  const values = call.args.map((arg) => evaluateArgument(arg, runtime));
  return spec.invoke(values, {
    nodes: call.args,
    random: runtime.random ?? Math.random,
    uuid: runtime.uuid ?? randomUUID,
  });
}

function evaluateArgument(arg: IntrinsicArgument, runtime: IntrinsicRuntime): JsonValue {
  switch (arg.kind) {
    case "call":
      return evaluateIntrinsic(arg, runtime);
    case "path":
      return runtime.resolvePath(arg.path);
    default:
      return arg.value;
  }
}
