/**
 * The runtime side of the chain methods: each takes the current
 * {@link FlowState}, places a state, and returns the next state. Types are
 * checked by the method signatures in `chain.ts`; here they are erased.
 */
import * as z from "zod";
import type { JsonValue, Retrier } from "../model/index.js";
import type { AnyFlow, StateRef } from "./chain-types.js";
import type { AnyTaskContract } from "./contract.js";
import { BuilderError } from "./errors.js";
import type { Expr } from "./expr.js";
import { type FlowState, assignedVars, callSelector, placeSchema, resolveResult, type ResultOptionFns, scopeOf, unionOf } from "./flow-state.js";
import { addHandler, jump, place, reopen, type Slot, type StateNode } from "./graph.js";
import { pathProxy } from "./path-proxy.js";
import type { NodeOptions } from "./states/common.js";
import type { Placement } from "./states/io.js";
import { passNode } from "./states/pass.js";
import { taskNode } from "./states/task.js";
import { failNode, succeedNode } from "./states/terminal.js";
import { waitNode } from "./states/wait.js";
import { type Template, templateSchema } from "./template.js";

export { build } from "./build.js";
export { unionOf } from "./flow-state.js";
export { choice, map, parallel } from "./composite-ops.js";

const states = new WeakMap<object, FlowState>();

/** Associates a chain object with its state. */
export function remember(flow: object, state: FlowState): void {
  states.set(flow, state);
}

/** The state behind a chain object. */
export function stateOf(flow: AnyFlow | object): FlowState {
  const state = states.get(flow);
  if (state === undefined) throw new BuilderError("not a workflow chain: branches must return the chain they were given, extended");
  return state;
}

/** The options every state shares, without the unset ones. */
export function nodeOptions(options: NodeOptions): NodeOptions {
  return {
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
  };
}

/** Places `node` after the open exits; `current` describes the value it passes on. */
export function placeNode(state: FlowState, node: StateNode, exits: readonly Slot[], current: z.ZodType, input = state.current): FlowState {
  return { ...state, fragment: place(state.fragment, node, exits), current, last: { node, input } };
}

/** A literal, or the expression a selector returns for the input. */
function selectedNumber(state: FlowState, value: number | ((...args: never[]) => unknown) | undefined): number | Expr<number> | undefined {
  if (typeof value !== "function") return value;
  return callSelector(value, pathProxy("input", state.current), scopeOf(state)) as Expr<number>;
}

/** A literal string, or the expression a selector returns for the input. */
function selectedString(state: FlowState, value: string | ((...args: never[]) => unknown) | undefined): string | Expr<string> | undefined {
  if (typeof value !== "function") return value;
  return callSelector(value, pathProxy("input", state.current), scopeOf(state)) as Expr<string>;
}

export function lastRef<Accepts>(state: FlowState): StateRef<Accepts> {
  if (state.last === undefined) throw new BuilderError("there is no state to refer to yet");
  return { node: state.last.node };
}

interface TaskOptionFns extends NodeOptions, ResultOptionFns {
  readonly timeoutSeconds?: number | ((input: never) => unknown);
  readonly heartbeatSeconds?: number | ((input: never) => unknown);
  readonly roleArn?: string | ((input: never) => unknown);
}

export function task(state: FlowState, contract: AnyTaskContract, input: ((...args: never[]) => unknown) | undefined, options: TaskOptionFns): FlowState {
  const template = callSelector(input, pathProxy("input", state.current), scopeOf(state)) as Template | undefined;
  const result = resolveResult(state, contract.output, options);
  const timeoutSeconds = selectedNumber(state, options.timeoutSeconds);
  const heartbeatSeconds = selectedNumber(state, options.heartbeatSeconds);
  const roleArn = selectedString(state, options.roleArn);
  const node = taskNode({
    ...nodeOptions(options),
    label: options.name ?? contract.name,
    contract,
    ...(template === undefined ? {} : { input: template }),
    result: result.spec,
    ...(result.assign === undefined ? {} : { assign: result.assign }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(heartbeatSeconds === undefined ? {} : { heartbeatSeconds }),
    ...(roleArn === undefined ? {} : { roleArn }),
  });
  return { ...placeNode(state, node, ["next"], result.output), vars: result.vars };
}

function catchableLast(state: FlowState, what: string): { node: StateNode; input: z.ZodType } {
  const { last } = state;
  if (last === undefined || !["Task", "Parallel", "Map"].includes(last.node.type)) {
    throw new BuilderError(`${what} applies to the Task, Parallel or Map state placed just before`);
  }
  return last;
}

interface RetryFields {
  readonly errors: readonly string[];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitter?: "FULL" | "NONE";
  readonly comment?: string;
}

export function retry(state: FlowState, options: RetryFields): FlowState {
  const { node } = catchableLast(state, "retry()");
  const retrier: Retrier = {
    ErrorEquals: [...options.errors],
    ...(options.comment === undefined ? {} : { Comment: options.comment }),
    ...(options.intervalSeconds === undefined ? {} : { IntervalSeconds: options.intervalSeconds }),
    ...(options.maxAttempts === undefined ? {} : { MaxAttempts: options.maxAttempts }),
    ...(options.backoffRate === undefined ? {} : { BackoffRate: options.backoffRate }),
    ...(options.maxDelaySeconds === undefined ? {} : { MaxDelaySeconds: options.maxDelaySeconds }),
    ...(options.jitter === undefined ? {} : { JitterStrategy: options.jitter }),
  };
  return { ...state, fragment: addHandler(state.fragment, { node, retrier }) };
}

/** The error output of a caught error: `{ Error, Cause }`. */
const errorOutputSchema = z.object({ Error: z.string(), Cause: z.string().optional() });

export function catchErrors(
  state: FlowState,
  errors: readonly string[],
  handler: (error: never) => AnyFlow,
  options: { readonly into?: string; readonly comment?: string },
  chain: (state: FlowState) => object,
): FlowState {
  const last = catchableLast(state, "catch()");
  const index = state.fragment.handlers.filter((entry) => entry.node === last.node && "catcher" in entry).length;
  const placement: Placement = options.into === undefined ? { kind: "replace" } : { kind: "into", key: options.into };
  const catcher = { errors, placement, ...(options.comment === undefined ? {} : { comment: options.comment }) };
  const fragment = addHandler(state.fragment, { node: last.node, catcher, index });
  const start: FlowState = {
    ...state,
    fragment: reopen(fragment, [{ node: last.node, slot: `catch:${index}` }]),
    current: options.into === undefined ? errorOutputSchema : placeSchema(last.input, options.into, errorOutputSchema),
  };
  const { last: _dropped, ...withoutLast } = start;
  const handled = stateOf(handler(chain(withoutLast) as never));
  const joins = handled.fragment.open.length > 0;
  return {
    ...state,
    fragment: reopen(handled.fragment, [...state.fragment.open, ...handled.fragment.open]),
    current: joins ? unionOf([state.current, handled.current]) : state.current,
    finished: handled.finished,
  };
}

interface PassOptionFns extends NodeOptions {
  readonly result?: unknown;
  readonly parameters?: (input: never, scope: never) => unknown;
  readonly into?: string;
  readonly assign?: (input: never, scope: never) => unknown;
}

export function pass(state: FlowState, options: PassOptionFns): FlowState {
  if (options.result !== undefined && options.parameters !== undefined) {
    throw new BuilderError("pass() takes either a result or parameters, not both");
  }
  const scope = scopeOf(state);
  const input = pathProxy("input", state.current);
  const parameters = callSelector(options.parameters, input, scope) as Template | undefined;
  const assign = callSelector(options.assign, input, scope) as Template | undefined;
  const result =
    options.result !== undefined
      ? ({ kind: "literal", value: options.result as JsonValue } as const)
      : parameters !== undefined
        ? ({ kind: "template", template: parameters } as const)
        : ({ kind: "input" } as const);
  const resultSchema = result.kind === "input" ? state.current : templateSchema(result.kind === "literal" ? (result.value as Template) : result.template);
  const placement: Placement = options.into === undefined ? { kind: "replace" } : { kind: "into", key: options.into };
  const node = passNode({ ...nodeOptions(options), result, placement, ...(assign === undefined ? {} : { assign }) });
  const output = options.into === undefined ? resultSchema : placeSchema(state.current, options.into, resultSchema);
  return { ...placeNode(state, node, ["next"], output), vars: assignedVars(state, assign) };
}

interface WaitOptionFns extends NodeOptions {
  readonly seconds?: number | ((input: never) => unknown);
  readonly timestamp?: string | ((input: never) => unknown);
  readonly assign?: (input: never, scope: never) => unknown;
}

export function wait(state: FlowState, options: WaitOptionFns): FlowState {
  const assign = callSelector(options.assign, pathProxy("input", state.current), scopeOf(state)) as Template | undefined;
  const seconds = selectedNumber(state, options.seconds);
  const timestamp = selectedString(state, options.timestamp);
  if ((seconds === undefined) === (timestamp === undefined)) throw new BuilderError("wait() takes exactly one of seconds and timestamp");
  const node = waitNode({
    ...nodeOptions(options),
    wait: seconds !== undefined ? { seconds } : { timestamp: timestamp ?? "" },
    ...(assign === undefined ? {} : { assign }),
  });
  return { ...placeNode(state, node, ["next"], state.current), vars: assignedVars(state, assign) };
}

export function succeed(state: FlowState, options: NodeOptions & { readonly outputPath?: (input: never) => unknown }): FlowState {
  const outputPath = callSelector(options.outputPath, pathProxy("value", state.current)) as Expr<unknown> | undefined;
  const node = succeedNode({ ...nodeOptions(options), ...(outputPath === undefined ? {} : { outputPath }) });
  const output = outputPath === undefined ? state.current : templateSchema(outputPath);
  return { ...placeNode(state, node, [], output), finished: [...state.finished, output] };
}

export function fail(state: FlowState, options: NodeOptions & { readonly error?: unknown; readonly cause?: unknown }): FlowState {
  const error = selectedString(state, options.error as string | ((...args: never[]) => unknown) | undefined);
  const cause = selectedString(state, options.cause as string | ((...args: never[]) => unknown) | undefined);
  const node = failNode({
    ...nodeOptions(options),
    ...(error === undefined ? {} : { error }),
    ...(cause === undefined ? {} : { cause }),
  });
  return placeNode(state, node, [], state.current);
}

export function jumpTo(state: FlowState, node: StateNode): FlowState {
  return { ...state, fragment: jump(state.fragment, node) };
}
