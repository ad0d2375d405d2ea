/**
 * Type-level rules of the builder: how each option changes the current value
 * (`ResultSelector`, `ResultPath`, `OutputPath`), the variables, and which
 * error names a catcher may name.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import type { Expr, Ref } from "./expr.js";
import type { StateNode } from "./graph.js";
import type { PathProxy } from "./path-proxy.js";
import type { Scope } from "./scope.js";
import type { Resolve } from "./template.js";
import type { Merge, PlaceAt } from "./types.js";

/** Key through which chains expose their types (declared only: no value is stored under it). */
export const flowTypes: unique symbol = Symbol("statecraft.flowTypes");

/** Marks "no `outputPath` given" in a type slot. */
export declare const noOutputPath: unique symbol;
export type NoOutputPath = typeof noOutputPath;

/** The templates that produce a value assignable to `X`: the same shape, with expressions allowed at every level. */
export type TemplateOf<X> = unknown extends X
  ? unknown
  :
      | Expr<X>
      | (X extends string | number | boolean | null | undefined
          ? X
          : X extends readonly (infer E)[]
            ? readonly TemplateOf<E>[]
            : { readonly [K in keyof X]: TemplateOf<X[K]> });

/** The result after `ResultSelector` (`S` is the selector's template, `never` when absent). */
export type Selected<Result, S> = [S] extends [never] ? Result : Resolve<S>;

/** The output after `ResultPath`: replaced, placed at key `K`, or discarded (`D`). */
export type Placed<Cur, Result, K extends string, D extends boolean> = [D] extends [true]
  ? Cur
  : [K] extends [never]
    ? Result
    : PlaceAt<Cur, K, Result>;

/** The output after `OutputPath` (`X` is the selected value, {@link NoOutputPath} when absent). */
export type OutputOf<Placed, X> = [X] extends [NoOutputPath] ? Placed : X;

/** The variables after an `Assign` whose template is `A` (`never` when absent). */
export type WithVars<Vars, A> = [A] extends [never] ? Vars : Merge<Vars, Resolve<A>>;

/** Options shaping the result of a Task, Parallel or Map state. */
export interface ResultOptions<In, Cur, Vars, Result, S, K extends string, D extends boolean, X, A> {
  /** `ResultSelector`: reshapes the raw result. */
  readonly resultSelector?: (result: PathProxy<Result>, scope: Scope<In, Vars>) => S;
  /** `ResultPath: "$.<key>"`: keeps the input and places the result at `key`. */
  readonly into?: K;
  /** `ResultPath: null`: discards the result and passes the input on. */
  readonly discardResult?: D;
  /** `OutputPath`: selects part of the output. */
  readonly outputPath?: (output: PathProxy<Placed<Cur, Selected<Result, S>, K, D>>) => Ref<X>;
  /** `Assign`: sets workflow variables from the (selected) result. */
  readonly assign?: (result: PathProxy<Selected<Result, S>>, scope: Scope<In, Vars>) => A;
}

/** Error names Step Functions raises that a Retry or Catch may name (`States.Runtime` cannot be caught). */
export type StatesErrorName =
  | "States.ALL"
  | "States.DataLimitExceeded"
  | "States.TaskFailed"
  | "States.Timeout"
  | "States.HeartbeatTimeout"
  | "States.Permissions"
  | "States.ResultPathMatchFailure"
  | "States.ParameterPathFailure"
  | "States.BranchFailed"
  | "States.NoChoiceMatched"
  | "States.IntrinsicFailure"
  | "States.ExceedToleratedFailureThreshold"
  | "States.ItemReaderFailed"
  | "States.ResultWriterFailed"
  | "States.QueryEvaluationError"
  | "States.Http.Socket";

/** What the builder remembers about the last placed state: its input type and the errors it may raise. */
export interface LastState {
  readonly input: unknown;
  /** The error names a Retry/Catch may use: `never` for states without Retry/Catch. */
  readonly errors: string;
}

/** Before any state is placed. */
export interface NoState {
  readonly input: never;
  readonly errors: never;
}

/** A state without Retry/Catch whose input has type `I`. */
export interface Entered<I> {
  readonly input: I;
  readonly errors: never;
}

/** Names a Retry or Catch on the last state may use (`never` when it has no Retry/Catch). */
export type CatchableName<Last extends LastState> = Last["errors"];

/** A non-empty list of error names. */
export type ErrorNames<Name extends string> = readonly [Name, ...Name[]];

/** The error output a catcher receives: `Error` is the caught name (any string for the wildcards). */
export interface ErrorOutput<Name extends string> {
  readonly Error: [Extract<Name, "States.ALL" | "States.TaskFailed">] extends [never] ? Name : string;
  readonly Cause?: string;
}

/** What a catcher's handler starts from: the error output, or the state input with it at `K`. */
export type HandlerInput<Last extends LastState, Name extends string, K extends string> = [K] extends [never]
  ? ErrorOutput<Name>
  : PlaceAt<Last["input"], K, ErrorOutput<Name>>;

/** A reference to a placed state whose input has type `Accepts` (for `goto`). */
export interface StateRef<Accepts> {
  readonly node: StateNode;
  /** Phantom: the input the state was placed with. */
  readonly accepts?: (value: Accepts) => void;
}

/**
 * Anything a branch callback may return (a chain or an ended chain). Its
 * phantom is `unknown` on purpose: as a contextual return type it must not
 * feed inference of the option slots of the call that produced the chain.
 */
export interface AnyFlow {
  readonly [flowTypes]: unknown;
}

/** The value flowing out of a chain. */
export type CurrentOf<C> = C extends { readonly [flowTypes]: { readonly current: infer V } } ? V : never;

/** The value a finished branch passes on (never for a branch that ended). */
export type FlowCurrent<R> = R extends { readonly [flowTypes]: { readonly current: infer C } } ? C : never;
/** The outputs of Succeed states inside a branch. */
export type FlowDone<R> = R extends { readonly [flowTypes]: { readonly done: infer D } } ? D : never;
/** The variables after a branch (those of a branch that ended do not matter). */
export type FlowVars<R> = R extends { readonly [flowTypes]: { readonly vars: infer V } } ? V : never;
/** Everything a branch can produce: what it passes on and what it ends with. */
export type FlowOutput<R> = FlowCurrent<R> | FlowDone<R>;

/**
 * The value after two paths join: their union, reduced when one already holds
 * every value of the other (so branches that end with the same shape, built
 * separately, do not double the union at each Choice).
 */
export type Join<A, B> = [A] extends [never] ? B : [B] extends [never] ? A : [B] extends [A] ? A : [A] extends [B] ? B : A | B;

/** Variables set on every path of a join (the keys common to all branches). */
export type JoinVars<V> = [V] extends [never] ? never : { [K in keyof V]: V[K] };
