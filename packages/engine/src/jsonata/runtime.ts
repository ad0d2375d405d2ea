import { randomUUID } from "node:crypto";

/** What Step Functions' own JSONata functions draw on during one evaluation. */
export interface JsonataRuntime {
  /** Uniform random number in [0, 1) for `$random()` without a seed. */
  readonly random: () => number;
  /** v4 UUID for `$uuid()`. */
  readonly uuid: () => string;
  /** The evaluation's timestamp: `$now()` and `$millis()` return it throughout one evaluation. */
  readonly timestamp: Date;
}

/**
 * The runtime travels in the evaluation's bindings under a key no expression can name (`-` is an operator
 * in JSONata), so one compiled expression can be evaluated concurrently with different runtimes.
 */
export const RUNTIME_BINDING = "statecraft-runtime";

export function createRuntime(options: { random?: () => number; uuid?: () => string; now?: () => Date }): JsonataRuntime {
  return {
    random: options.random ?? Math.random,
    uuid: options.uuid ?? randomUUID,
    timestamp: options.now?.() ?? new Date(),
  };
}

function isRuntime(value: unknown): value is JsonataRuntime {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "uuid") === "function";
}

/** The runtime bound for the evaluation `environment` belongs to. */
export function runtimeOf(environment: { lookup(name: string): unknown }): JsonataRuntime {
  const runtime = environment.lookup(RUNTIME_BINDING);
  // Always bound by evaluateJsonata; a bare default keeps direct uses of a compiled expression working.
  return isRuntime(runtime) ? runtime : createRuntime({});
}
