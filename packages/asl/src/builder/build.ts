/**
 * `build()`: closes the graph, names the states, renders the ASL with a stable
 * key order and validates it; returns it with the input and output schemas.
 */
import type * as z from "zod";
import type { StateMachineDefinition } from "../model/index.js";
import { validateDefinition } from "../validator/index.js";
import { InvalidDefinitionError } from "./errors.js";
import { type FlowState, unionOf } from "./flow-state.js";
import { type Fragment, place } from "./graph.js";
import { assignNames, renderGraph } from "./render.js";
import { succeedNode } from "./states/terminal.js";

declare const builtTypes: unique symbol;

/** A built workflow: its ASL and the schemas of its execution input and output. */
export interface BuiltWorkflow<In, Out> {
  readonly definition: StateMachineDefinition;
  /** Schema of the execution input. */
  readonly input: z.ZodType;
  /** Schema of the execution output: the union of every way it can succeed. */
  readonly output: z.ZodType;
  /** Phantom: the TypeScript types of the input and output. */
  readonly [builtTypes]?: { readonly input: In; readonly output: Out };
}

/**
 * Ends a graph: open `Next` exits become `End: true` when rendered; Choice
 * rules, `Default`s and catchers left open (they cannot end) lead to one added
 * Succeed state named "Done".
 */
export function closeFragment(fragment: Fragment): Fragment {
  const dangling = fragment.open.filter((exit) => exit.slot !== "next");
  if (dangling.length === 0) return fragment;
  const ends = fragment.open.filter((exit) => exit.slot === "next");
  const done = succeedNode({ name: "Done" });
  const closed = place({ ...fragment, open: dangling }, done, []);
  return { ...closed, open: ends };
}

/** Renders and validates the workflow held by `state`. */
export function build<In, Out>(state: FlowState): BuiltWorkflow<In, Out> {
  const { settings } = state;
  const fragment = closeFragment(state.fragment);
  const graph = renderGraph(fragment, assignNames(fragment), settings.queryLanguage ?? "JSONPath");
  const definition: StateMachineDefinition = {
    ...(settings.comment === undefined ? {} : { Comment: settings.comment }),
    ...(settings.queryLanguage === undefined ? {} : { QueryLanguage: settings.queryLanguage }),
    ...(settings.timeoutSeconds === undefined ? {} : { TimeoutSeconds: settings.timeoutSeconds }),
    StartAt: graph.StartAt,
    States: graph.States,
  };
  const problems = validateDefinition(definition);
  if (problems.length > 0) throw new InvalidDefinitionError(problems);
  const open = state.fragment.open.length > 0 ? [state.current] : [];
  return { definition, input: settings.input, output: unionOf([...state.finished, ...open]) };
}
