/**
 * The runtime side of the states that hold other states: Choice (branches in
 * the same graph, joined after it), Parallel and Map (nested graphs).
 */
import * as z from "zod";
import { closeFragment } from "./build.js";
import type { AnyFlow } from "./chain-types.js";
import { nodeOptions, placeNode, stateOf } from "./chain-ops.js";
import type { AnyChoiceRules } from "./choice-builder.js";
import { ChoiceRules } from "./choice-builder.js";
import { type FlowState, callSelector, resolveResult, type ResultOptionFns, scopeOf, unionOf } from "./flow-state.js";
import { emptyFragment, type Exit, reopen, type Slot } from "./graph.js";
import { childSchema, pathProxy } from "./path-proxy.js";
import { choiceNode } from "./states/choice.js";
import type { NodeOptions } from "./states/common.js";
import { mapNode } from "./states/map.js";
import { parallelNode } from "./states/parallel.js";
import type { Expr } from "./expr.js";
import type { Condition } from "./conditions.js";
import { type Template, templateSchema } from "./template.js";

type Make<T> = (state: FlowState) => T;

/** What a finished branch passes on (if it does not end) and ends with. */
function outputOf(branch: FlowState): z.ZodType {
  return unionOf([...(branch.fragment.open.length > 0 ? [branch.current] : []), ...branch.finished]);
}

export function choice<C, E>(
  state: FlowState,
  build: (choice: never) => AnyChoiceRules,
  options: NodeOptions,
  chain: Make<C>,
  ended: Make<E>,
): never {
  const collected = build(new ChoiceRules([]) as never);
  const scope = scopeOf(state);
  const input = pathProxy("input", state.current);
  const rules = collected.rules.map((rule) => {
    const condition = (rule.condition as (input: unknown, scope: unknown) => Condition)(input, scope);
    return { condition: condition.node, ...(rule.comment === undefined ? {} : { comment: rule.comment }) };
  });
  const node = choiceNode({ ...nodeOptions(options), rules });
  let current: FlowState = placeNode(state, node, [], state.current);
  const joined: Exit[] = [];
  const values: z.ZodType[] = [];
  const varSets: Readonly<Record<string, z.ZodType>>[] = [];
  const branches: [Slot, (branch: never) => AnyFlow][] = collected.rules.map((rule, i) => [`rule:${i}`, rule.branch]);
  if (collected.otherwiseBranch !== undefined) branches.push(["default", collected.otherwiseBranch]);
  for (const [slot, branch] of branches) {
    const start: FlowState = { ...current, fragment: reopen(current.fragment, [{ node, slot }]), current: state.current };
    const result = stateOf(branch(chain(start) as never));
    current = { ...current, fragment: result.fragment, finished: result.finished };
    if (result.fragment.open.length > 0) {
      joined.push(...result.fragment.open);
      values.push(result.current);
      varSets.push(result.vars);
    }
  }
  const after: FlowState = {
    ...current,
    fragment: reopen(current.fragment, joined),
    current: unionOf(values),
    vars: commonVars(varSets, state.vars),
  };
  // The method's signature says which of the two the caller gets.
  return (joined.length === 0 ? ended(after) : chain(after)) as never;
}

/** Variables set on every joining path. */
function commonVars(sets: readonly Readonly<Record<string, z.ZodType>>[], before: Readonly<Record<string, z.ZodType>>) {
  const [first, ...rest] = sets;
  if (first === undefined) return before;
  return Object.fromEntries(Object.entries(first).filter(([name]) => rest.every((set) => Object.hasOwn(set, name))));
}

/** A nested graph run on `input`: its own fragment, the outer variables readable. */
function nested(state: FlowState, input: z.ZodType, vars: Readonly<Record<string, z.ZodType>>): FlowState {
  return { fragment: emptyFragment, current: input, finished: [], vars, settings: state.settings };
}

export function parallel<C>(
  state: FlowState,
  branches: readonly ((branch: never) => AnyFlow)[],
  options: NodeOptions & ResultOptionFns,
  chain: Make<C>,
): FlowState {
  const results = branches.map((branch) => stateOf(branch(chain(nested(state, state.current, state.vars)) as never)));
  const outputs = results.map(outputOf);
  const [first, ...rest] = outputs;
  const result = resolveResult(state, first === undefined ? z.tuple([]) : z.tuple([first, ...rest]), options);
  const node = parallelNode({
    ...nodeOptions(options),
    branches: results.map((branch) => closeFragment(branch.fragment)),
    result: result.spec,
    ...(result.assign === undefined ? {} : { assign: result.assign }),
  });
  return { ...placeNode(state, node, ["next"], result.output), vars: result.vars };
}

interface MapIterationFns {
  readonly items?: (input: never) => unknown;
  readonly itemSelector?: (input: never, iteration: never) => unknown;
  readonly maxConcurrency?: number | ((input: never) => unknown);
  readonly toleratedFailureCount?: number | ((input: never) => unknown);
  readonly toleratedFailurePercentage?: number | ((input: never) => unknown);
  readonly distributed?: { readonly executionType: "STANDARD" | "EXPRESS"; readonly label?: string };
}

export function map<C>(
  state: FlowState,
  iteration: MapIterationFns,
  processor: (item: never) => AnyFlow,
  options: NodeOptions & ResultOptionFns,
  chain: Make<C>,
): FlowState {
  const input = pathProxy("input", state.current);
  const scope = scopeOf(state);
  const items = callSelector(iteration.items, input) as Expr<unknown> | undefined;
  const itemSchema = childSchema(items === undefined ? state.current : templateSchema(items), 0);
  const item = pathProxy("context", itemSchema, ["Map", "Item", "Value"]);
  const index = pathProxy("context", z.number().int(), ["Map", "Item", "Index"]);
  const selector = callSelector(iteration.itemSelector, input, { ...scope, item, index }) as Template | undefined;
  // A Distributed Map's iterations are child executions: they see no outer variables.
  const vars = iteration.distributed === undefined ? state.vars : {};
  const processed = stateOf(processor(chain(nested(state, selector === undefined ? itemSchema : templateSchema(selector), vars)) as never));
  const result = resolveResult(state, z.array(outputOf(processed)), options);
  const number = (value: number | ((input: never) => unknown) | undefined) =>
    typeof value === "function" ? (callSelector(value, input) as Expr<number>) : value;
  const maxConcurrency = number(iteration.maxConcurrency);
  const toleratedFailureCount = number(iteration.toleratedFailureCount);
  const toleratedFailurePercentage = number(iteration.toleratedFailurePercentage);
  const { distributed } = iteration;
  const node = mapNode({
    ...nodeOptions(options),
    processor: closeFragment(processed.fragment),
    processorMode: distributed === undefined ? { mode: "INLINE" } : { mode: "DISTRIBUTED", executionType: distributed.executionType },
    ...(items === undefined ? {} : { items }),
    ...(selector === undefined ? {} : { itemSelector: selector }),
    ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
    ...(toleratedFailureCount === undefined ? {} : { toleratedFailureCount }),
    ...(toleratedFailurePercentage === undefined ? {} : { toleratedFailurePercentage }),
    ...(distributed?.label === undefined ? {} : { label: distributed.label }),
    result: result.spec,
    ...(result.assign === undefined ? {} : { assign: result.assign }),
  });
  return { ...placeNode(state, node, ["next"], result.output), vars: result.vars };
}

