/**
 * The entry points: `StateMachine` (compile once, start many) and `runExecution` (one call, compiled machine
 * cached per definition object).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
 */
import type { JsonValue, StateMachineDefinition } from "@statecraft/asl";
import { compileMachine } from "./compile/machine.js";
import type { CompiledMachine } from "./runtime/compiled.js";
import { startExecution } from "./runtime/start-execution.js";
import type { Execution, ExecutionResult, RunOptions } from "./types.js";

/** A compiled state machine: validated on load (throws `InvalidDefinitionError` listing every problem). */
export class StateMachine {
  readonly definition: unknown;
  readonly name: string | undefined;
  readonly arn: string | undefined;
  private readonly compiled: CompiledMachine;

  constructor(definition: unknown, options: { name?: string; arn?: string } = {}) {
    this.definition = definition;
    this.name = options.name;
    this.arn = options.arn;
    this.compiled = compileMachine(definition);
  }

  /** Starts an execution. */
  start(input: JsonValue, options: RunOptions = {}): Execution {
    return startExecution(this.compiled, input, options, { name: this.name, arn: this.arn });
  }
}

const compiledByDefinition = new WeakMap<object, CompiledMachine>();
/** The definition run last and its compiled machine: a caller running one definition again and again skips the WeakMap. */
let lastDefinition: object | undefined;
let lastCompiled: CompiledMachine | undefined;

/**
 * Runs a definition to completion. The compiled machine is cached per definition object, so running the same
 * object again skips validation and compilation. Never rejects for run-time failures: those are results with
 * status FAILED/TIMED_OUT/ABORTED. Throws `InvalidDefinitionError` for an invalid definition.
 */
export function runExecution(definition: StateMachineDefinition | unknown, input: JsonValue, options: RunOptions = {}): Promise<ExecutionResult> {
  let compiled: CompiledMachine;
  try {
    const isObject = typeof definition === "object" && definition !== null;
    const cached = !isObject ? undefined : definition === lastDefinition ? lastCompiled : compiledByDefinition.get(definition);
    compiled = cached ?? compileMachine(definition);
    if (isObject) {
      if (cached === undefined) compiledByDefinition.set(definition, compiled);
      lastDefinition = definition;
      lastCompiled = compiled;
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return startExecution(compiled, input, options, { name: undefined, arn: undefined }).done;
}
