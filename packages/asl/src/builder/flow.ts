/**
 * The typed, immutable workflow builder. Each call returns a new chain whose
 * type slot `Cur` is the value flowing out of the last state; a state is
 * accepted only when `Cur` fits its input (see {@link Fits}).
 *
 * @see https://states-language.net/spec.html
 */
import * as z from "zod";
import type { QueryLanguage, StateMachineDefinition } from "../model/index.js";
import type { AnyTaskContract, TaskInput, TaskOutput } from "./contract.js";
import { type Fragment, emptyFragment, place, type StateNode } from "./graph.js";
import { assignNames, renderGraph } from "./render.js";
import { taskNode } from "./states/task.js";
import { type FailSpec, failNode, type NodeOptions, succeedNode } from "./states/terminal.js";
import type { Fits } from "./types.js";

declare const flowTypes: unique symbol;

/** Options of {@link workflow}. */
export interface WorkflowOptions<In extends z.ZodType> {
  /** The execution input the workflow accepts. */
  readonly input: In;
  readonly comment?: string;
  /** @default "JSONPath" */
  readonly queryLanguage?: QueryLanguage;
  /** The execution's `TimeoutSeconds`. */
  readonly timeoutSeconds?: number;
}

/** What a chain has built so far (runtime side of the types). */
interface FlowState {
  readonly fragment: Fragment;
  /** Schema of the value flowing out of the open exits. */
  readonly current: z.ZodType;
  /** Schemas of values that already end the execution (Succeed states). */
  readonly finished: readonly z.ZodType[];
  readonly options: WorkflowOptions<z.ZodType>;
}

/** A built workflow: its ASL and the schemas of its input and output. */
export interface BuiltWorkflow<In, Out> {
  readonly definition: StateMachineDefinition;
  /** Schema of the execution input. */
  readonly input: z.ZodType;
  /** Schema of the execution output (the union of every way it can succeed). */
  readonly output: z.ZodType;
  /** Phantom: the TypeScript types of input and output. */
  readonly [flowTypes]?: { readonly input: In; readonly output: Out };
}

/** Options of a Task placed with {@link Chain.next}. */
export type TaskOptions = NodeOptions;

/**
 * A workflow under construction whose current value has type `Cur`. `Done`
 * is the union of the outputs of branches that already ended with Succeed.
 */
export class Chain<In, Cur, Done = never> {
  declare readonly [flowTypes]: { readonly input: In; readonly current: Cur; readonly done: Done };
  readonly #state: FlowState;

  /** @internal Use {@link workflow}. */
  constructor(state: FlowState) {
    this.#state = state;
  }

  /**
   * Calls `task`; its result replaces the current value (ResultPath `$`).
   * Refused at compile time when `Cur` does not fit the task's input.
   */
  next<T extends AnyTaskContract>(task: T & Fits<Cur, TaskInput<T>>, options: TaskOptions = {}): Chain<In, TaskOutput<T>, Done> {
    const node = taskNode({ ...options, label: options.name ?? task.name, contract: task });
    return new Chain(this.#placed(node, ["next"], task.output));
  }

  /** Ends this path successfully; the execution output is the current value. */
  succeed(options: NodeOptions = {}): Ended<In, Done | Cur> {
    const state = this.#placed(succeedNode(options), [], this.#state.current);
    return new Ended({ ...state, finished: [...state.finished, this.#state.current] });
  }

  /** Ends this path with a failure named `error`. */
  fail(spec: FailSpec = {}): Ended<In, Done> {
    return new Ended(this.#placed(failNode(spec), [], this.#state.current));
  }

  /** Names the states, renders the ASL and returns it with the input and output schemas. */
  build(): BuiltWorkflow<In, Cur | Done> {
    return buildFlow(this.#state, [this.#state.current]);
  }

  #placed(node: StateNode, exits: Parameters<typeof place>[2], current: z.ZodType): FlowState {
    return { ...this.#state, fragment: place(this.#state.fragment, node, exits), current };
  }
}

/** A workflow whose every path has ended (Succeed or Fail): it can only be built. */
export class Ended<In, Done> {
  declare readonly [flowTypes]: { readonly input: In; readonly done: Done };
  readonly #state: FlowState;

  /** @internal */
  constructor(state: FlowState) {
    this.#state = state;
  }

  /** Names the states, renders the ASL and returns it with the input and output schemas. */
  build(): BuiltWorkflow<In, Done> {
    return buildFlow(this.#state, []);
  }
}

/**
 * Starts a workflow whose execution input is described by `options.input`.
 *
 * @example
 * workflow({ input: NameInput }).next(song).next(lyrics).build()
 */
export function workflow<In extends z.ZodType>(options: WorkflowOptions<In>): Chain<z.input<In>, z.input<In>> {
  return new Chain({ fragment: emptyFragment, current: options.input, finished: [], options });
}

function buildFlow<In, Out>(state: FlowState, openOutputs: readonly z.ZodType[]): BuiltWorkflow<In, Out> {
  const { options, fragment } = state;
  const language = options.queryLanguage ?? "JSONPath";
  const graph = renderGraph(fragment, assignNames(fragment), language);
  const definition: StateMachineDefinition = {
    ...(options.comment === undefined ? {} : { Comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { QueryLanguage: options.queryLanguage }),
    ...(options.timeoutSeconds === undefined ? {} : { TimeoutSeconds: options.timeoutSeconds }),
    StartAt: graph.StartAt,
    States: graph.States,
  };
  const outputs = unique([...state.finished, ...(fragment.open.length > 0 ? openOutputs : [])]);
  return { definition, input: options.input, output: unionOf(outputs) };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function unionOf(schemas: readonly z.ZodType[]): z.ZodType {
  const [first, second, ...rest] = schemas;
  if (first === undefined) return z.never();
  if (second === undefined) return first;
  return z.union([first, second, ...rest]);
}
