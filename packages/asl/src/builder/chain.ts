/**
 * The typed, immutable workflow builder. Each call returns a new chain whose
 * slot `Cur` is the value flowing out of the last state; a state is accepted
 * only when `Cur` fits its input ({@link Fits}), so a broken link is a
 * compile error naming both sides.
 *
 * @see https://states-language.net/spec.html
 */
import type * as z from "zod";
import type {
  AnyFlow,
  CatchableName,
  Entered,
  ErrorNames,
  HandlerInput,
  LastState,
  NoOutputPath,
  NoState,
  OutputOf,
  Placed,
  ResultOptions,
  Selected,
  StateRef,
  StatesErrorName,
  TemplateOf,
  WithVars,
  FlowCurrent,
  FlowDone,
  Join,
} from "./chain-types.js";
import { flowTypes } from "./chain-types.js";
import type { AnyChoiceRules, ChoiceDone, ChoiceJoined, ChoiceRules, ChoiceVars } from "./choice-builder.js";
import type { AnyTaskContract, TaskErrors, TaskInput, TaskOutput } from "./contract.js";
import * as ops from "./chain-ops.js";
import type { BuiltWorkflow } from "./build.js";
import type { FlowState } from "./flow-state.js";
import type { JsonLiteral, FailOptions, MapIteration, PassOptions, RetryOptions, SucceedOptions, TaskStateOptions, WaitOptions, CatchOptions } from "./options.js";
import type { PathProxy } from "./path-proxy.js";
import type { Scope } from "./scope.js";
import type { NodeOptions } from "./states/common.js";
import type { Resolve } from "./template.js";
import type { Fits, Simplify } from "./types.js";

/** The options of a Task placed with {@link Chain.next}. */
export type NextOptions<In, Cur, Vars, Result, S, K extends string, D extends boolean, X, A> = TaskStateOptions<Cur> &
  ResultOptions<In, Cur, Vars, Result, S, K, D, X, A>;

/** The chain after a Task whose contract is `T`. */
export type AfterTask<In, Cur, Done, Vars, T, S, K extends string, D extends boolean, X, A> = Chain<
  In,
  OutputOf<Placed<Cur, Selected<TaskOutput<T>, S>, K, D>, X>,
  Done,
  WithVars<Vars, A>,
  { readonly input: Cur; readonly errors: TaskErrors<T> | StatesErrorName }
>;

/** No workflow variable assigned yet. */
export type NoVariables = Record<never, never>;

/** The element type of `Cur` when it is an array (what a Map iterates by default). */
export type ElementOf<Cur> = Cur extends readonly (infer E)[] ? E : never;

/** A workflow under construction: `Cur` flows out of its last state; `Done` is what its Succeed states output. */
export class Chain<In, Cur, Done = never, Vars = NoVariables, Last extends LastState = NoState> {
  declare readonly [flowTypes]: { readonly input: In; readonly current: Cur; readonly done: Done; readonly vars: Vars };

  /** @internal Use `workflow()`. */
  constructor(state: FlowState) {
    ops.remember(this, state);
  }

  /** The last placed state, as a target for {@link Chain.goto} (which then needs a value fitting its input). */
  get ref(): StateRef<Last["input"]> {
    return ops.lastRef(ops.stateOf(this));
  }

  /** Calls `task` with the current value; its result becomes the value (or goes `into` a key). */
  next<T extends AnyTaskContract, S = never, K extends string = never, D extends boolean = false, X = NoOutputPath, A = never>(
    task: T & Fits<Cur, TaskInput<T>>,
    options: NextOptions<In, Cur, Vars, TaskOutput<T>, S, K, D, X, A> = {},
  ): AfterTask<In, Cur, Done, Vars, T, S, K, D, X, A> {
    return new Chain(ops.task(ops.stateOf(this), task, undefined, options));
  }

  /** Calls `task` with a value built from the current one (`Parameters` / `Arguments`), checked field by field. */
  nextWith<T extends AnyTaskContract, S = never, K extends string = never, D extends boolean = false, X = NoOutputPath, A = never>(
    task: T,
    input: (input: PathProxy<Cur>, scope: Scope<In, Vars>) => TemplateOf<TaskInput<T>>,
    options: NextOptions<In, Cur, Vars, TaskOutput<T>, S, K, D, X, A> = {},
  ): AfterTask<In, Cur, Done, Vars, T, S, K, D, X, A> {
    return new Chain(ops.task(ops.stateOf(this), task, input, options));
  }

  /** Adds a retrier to the last state (Task, Parallel or Map) for errors it can raise. */
  retry(retrier: RetryOptions<CatchableName<Last>>): Chain<In, Cur, Done, Vars, Last> {
    return new Chain(ops.retry(ops.stateOf(this), retrier));
  }

  /**
   * Catches `errors` of the last state (Task, Parallel or Map) and runs `handler`;
   * a handler that does not end joins the chain, so the value becomes a union.
   */
  catch<const E extends ErrorNames<CatchableName<Last>>, R extends AnyFlow, K extends string = never>(
    errors: E,
    handler: (error: Chain<In, HandlerInput<Last, E[number], K>, never, Vars, NoState>) => R,
    options: CatchOptions<K> = {},
  ): Chain<In, Join<Cur, FlowCurrent<R>>, Join<Done, FlowDone<R>>, Vars, Last> {
    return new Chain(ops.catchErrors(ops.stateOf(this), errors, handler, options, (state) => new Chain(state)));
  }

  /** A Pass state: passes the value on, or a fixed `result`, or a value built by `parameters`. */
  pass<const R extends JsonLiteral = never, P = never, K extends string = never, A = never>(
    options: PassOptions<In, Cur, Vars, R, P, K, A> = {},
  ): Chain<In, Placed<Cur, [R] extends [never] ? ([P] extends [never] ? Cur : Resolve<P>) : R, K, false>, Done, WithVars<Vars, A>, Entered<Cur>> {
    return new Chain(ops.pass(ops.stateOf(this), options));
  }

  /** A Wait state: `seconds` or until `timestamp` (literal or read from the input). */
  wait<A = never>(options: WaitOptions<In, Cur, Vars, A>): Chain<In, Cur, Done, WithVars<Vars, A>, Entered<Cur>> {
    return new Chain(ops.wait(ops.stateOf(this), options));
  }

  /** A Choice state. Branches that do not end join after it; the value is the union of theirs. */
  choice<R extends AnyChoiceRules>(
    rules: (choice: ChoiceRules<In, Cur, Vars>) => R,
    options: NodeOptions = {},
  ): [ChoiceJoined<R>] extends [never]
    ? Ended<In, Done | ChoiceDone<R>>
    : Chain<In, ChoiceJoined<R>, Done | ChoiceDone<R>, { [V in keyof ChoiceVars<R>]: ChoiceVars<R>[V] }, Entered<Cur>> {
    return ops.choice(ops.stateOf(this), rules, options, (state) => new Chain(state), (state) => new Ended(state));
  }

  /** A Parallel state: each branch runs on the current value; the result is the tuple of their outputs. */
  parallel<
    const B extends readonly ((branch: Chain<In, Cur, never, Vars, NoState>) => AnyFlow)[],
    S = never,
    K extends string = never,
    D extends boolean = false,
    X = NoOutputPath,
    A = never,
  >(
    branches: B,
    options: NodeOptions & ResultOptions<In, Cur, Vars, { -readonly [I in keyof B]: FlowOutputOf<B[I]> }, S, K, D, X, A> = {},
  ): Chain<
    In,
    OutputOf<Placed<Cur, Selected<{ -readonly [I in keyof B]: FlowOutputOf<B[I]> }, S>, K, D>, X>,
    Done,
    WithVars<Vars, A>,
    { readonly input: Cur; readonly errors: string }
  > {
    return new Chain(ops.parallel(ops.stateOf(this), branches, options, (state) => new Chain(state)));
  }

  /** A Map state: runs `processor` for each item; the result is the array of their outputs. */
  map<
    R extends AnyFlow,
    Item = ElementOf<Cur>,
    Sel = never,
    S = never,
    K extends string = never,
    D extends boolean = false,
    X = NoOutputPath,
    A = never,
  >(
    iteration: MapIteration<In, Cur, Vars, Item, Sel>,
    processor: (item: Chain<In, [Sel] extends [never] ? Item : Resolve<Sel>, never, Vars, NoState>) => R,
    options: NodeOptions & ResultOptions<In, Cur, Vars, FlowOutputOf<(x: never) => R>[], S, K, D, X, A> = {},
  ): Chain<
    In,
    OutputOf<Placed<Cur, Selected<FlowOutputOf<(x: never) => R>[], S>, K, D>, X>,
    Done,
    WithVars<Vars, A>,
    { readonly input: Cur; readonly errors: string }
  > {
    return new Chain(ops.map(ops.stateOf(this), iteration, processor, options, (state) => new Chain(state)));
  }

  /** Ends this path successfully; the execution output is the value (or the part `outputPath` selects). */
  succeed<X = NoOutputPath>(options: SucceedOptions<Cur, X> = {}): Ended<In, Join<Done, OutputOf<Cur, X>>> {
    return new Ended(ops.succeed(ops.stateOf(this), options));
  }

  /** Ends this path with a failure. */
  fail(options: FailOptions<In, Cur, Vars> = {}): Ended<In, Done> {
    return new Ended(ops.fail(ops.stateOf(this), options));
  }

  /** Jumps back to an earlier state of this graph (a loop); the value must fit that state's input. */
  goto<Accepts>(target: StateRef<Accepts> & Fits<Cur, Accepts>): Ended<In, Done> {
    return new Ended(ops.jumpTo(ops.stateOf(this), target.node));
  }

  /** Names the states, renders and validates the ASL; returns it with the input and output schemas. */
  build(): BuiltWorkflow<In, Simplify<Cur | Done>> {
    return ops.build(ops.stateOf(this));
  }
}

/** A workflow whose every path has ended (Succeed, Fail or a jump back): it can only be built. */
export class Ended<In, Done> {
  declare readonly [flowTypes]: { readonly input: In; readonly done: Done };

  /** @internal */
  constructor(state: FlowState) {
    ops.remember(this, state);
  }

  /** Names the states, renders and validates the ASL; returns it with the input and output schemas. */
  build(): BuiltWorkflow<In, Simplify<Done>> {
    return ops.build(ops.stateOf(this));
  }
}

/** What a branch function's result passes on or ends with. */
export type FlowOutputOf<F> = F extends (...args: never[]) => infer R ? FlowCurrent<R> | FlowDone<R> : never;

/** Schemas a chain exposes (for tests of the runtime side). */
export function currentSchema(flow: AnyFlow): z.ZodType {
  return ops.stateOf(flow).current;
}
