/**
 * Retry and Catch.
 *
 * @see https://states-language.net/spec.html#retrying-after-error
 * @see https://states-language.net/spec.html#fallback-states
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { errorMatches, PartialTaskError, StatesError } from "../errors.js";
import { placeResult, type ResultPathSpec } from "../io/pipeline.js";
import { isPromise, type Outcome } from "./compiled.js";
import type { Scope, Visit } from "./scope.js";

/** A retrier with its defaults resolved. */
export interface CompiledRetrier {
  readonly errorEquals: readonly string[];
  /** @default 1 */
  readonly intervalSeconds: number;
  /** @default 3; 0 never retries */
  readonly maxAttempts: number;
  /** @default 2.0 */
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  /** `JitterStrategy: "FULL"`: the delay is drawn uniformly from [0, delay). */
  readonly fullJitter: boolean;
}

/** What a catcher passes on: its output and the variables it assigns. */
export interface CatcherResult {
  output: JsonValue;
  assigned?: JsonObject | undefined;
}

/**
 * A catcher's `Output`/`Assign` (JSONata) or `ResultPath`/`Assign` (JSONPath), given the error output
 * (`{Error, Cause}`), the raw state input and the scope of the state that caught.
 */
export type CatcherHandler = (errorOutput: JsonValue, rawInput: JsonValue, scope: Scope) => CatcherResult | Promise<CatcherResult>;

/** A catcher. */
export interface CompiledCatcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  /** @default "$" (the error output replaces the input) */
  readonly resultPath: ResultPathSpec;
  /** Set when the catcher has `Assign` or is in a JSONata state; replaces the `ResultPath` placement. */
  readonly handle?: CatcherHandler | undefined;
}

/** The delay before retry number `attempt` (0-based) of a retrier, in milliseconds. */
export function retryDelayMs(retrier: CompiledRetrier, attempt: number, random: () => number): number {
  let seconds = retrier.intervalSeconds * retrier.backoffRate ** attempt;
  if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
  if (retrier.fullJitter) seconds *= random();
  return seconds * 1000;
}

async function retryAfter<T>(
  first: unknown,
  scope: Scope,
  visit: Visit,
  retriers: readonly CompiledRetrier[],
  attempt: () => T | Promise<T>,
): Promise<T> {
  const counts = new Array<number>(retriers.length).fill(0);
  let error = first;
  for (;;) {
    if (!(error instanceof StatesError) || !error.retryable) throw error;
    const failure: StatesError = error;
    const index = retriers.findIndex((retrier) => errorMatches(retrier.errorEquals, failure));
    const retrier = retriers[index];
    if (retrier === undefined) throw failure;
    const count = counts[index] ?? 0;
    if (count >= retrier.maxAttempts) throw failure;
    counts[index] = count + 1;
    const runtime = scope.runtime;
    await runtime.clock.sleep(retryDelayMs(retrier, count, runtime.random), scope.signal);
    runtime.checkDeadline();
    runtime.throwIfHalted();
    visit.retryCount++;
    try {
      return await attempt();
    } catch (next) {
      error = next;
    }
  }
}

/**
 * Runs `attempt`, retrying per `retriers` (first matching retrier wins; each keeps its own counter). Stays
 * synchronous when the attempt is synchronous and succeeds.
 */
export function withRetry<T>(scope: Scope, visit: Visit, retriers: readonly CompiledRetrier[], attempt: () => T | Promise<T>): T | Promise<T> {
  if (retriers.length === 0) return attempt();
  try {
    const result = attempt();
    if (isPromise(result)) return result.catch((error: unknown) => retryAfter(error, scope, visit, retriers, attempt));
    return result;
  } catch (error) {
    return retryAfter(error, scope, visit, retriers, attempt);
  }
}

/** The error output a catcher passes on: `{Error, Cause}`. */
export function errorOutput(error: StatesError): JsonValue {
  if (error instanceof PartialTaskError) return { Error: error.given.error ? error.name : null, Cause: error.given.cause ? error.cause : null };
  return { Error: error.name, Cause: error.cause };
}

function caught(
  error: unknown,
  catchers: readonly CompiledCatcher[],
  rawInput: JsonValue,
  onCaught: (error: StatesError) => void,
  scope: Scope | undefined,
): Outcome | Promise<Outcome> {
  if (!(error instanceof StatesError)) throw error;
  const catcher = catchers.find((candidate) => errorMatches(candidate.errorEquals, error));
  if (catcher === undefined) throw error;
  onCaught(error);
  const next = catcher.next;
  if (catcher.handle !== undefined && scope !== undefined) {
    const result = catcher.handle(errorOutput(error), rawInput, scope);
    return isPromise(result) ? result.then(({ output, assigned }) => ({ output, next, assigned })) : { output: result.output, next, assigned: result.assigned };
  }
  return { output: placeResult(rawInput, errorOutput(error), catcher.resultPath), next };
}

/**
 * Runs a state body; an error matched by a catcher becomes an outcome going to the catcher's `Next` with
 * `{Error, Cause}` placed at its `ResultPath` in the raw state input.
 */
export function withCatch(
  catchers: readonly CompiledCatcher[],
  rawInput: JsonValue,
  body: () => Outcome | Promise<Outcome>,
  onCaught: (error: StatesError) => void = () => {},
  /** The scope of the catching state: needed by catchers with `Assign` or a JSONata `Output`. */
  scope?: Scope,
): Outcome | Promise<Outcome> {
  if (catchers.length === 0) return body();
  try {
    const outcome = body();
    if (isPromise(outcome)) return outcome.catch((error: unknown) => caught(error, catchers, rawInput, onCaught, scope));
    return outcome;
  } catch (error) {
    return caught(error, catchers, rawInput, onCaught, scope);
  }
}
