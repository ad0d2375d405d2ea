/**
 * Options of the chain methods, one interface per state type. Selectors are
 * functions over typed paths (`($) => $.song`), so every field they read is
 * checked against the current type.
 */
import type { Condition } from "./conditions.js";
import type { Expr, Ref } from "./expr.js";
import type { PathProxy } from "./path-proxy.js";
import type { Scope } from "./scope.js";
import type { NodeOptions } from "./states/common.js";

/** Options of a Task state. */
export interface TaskStateOptions<Cur> extends NodeOptions {
  /** `TimeoutSeconds`, or a path to it in the state input (`TimeoutSecondsPath`). */
  readonly timeoutSeconds?: number | ((input: PathProxy<Cur>) => Ref<number>);
  /** `HeartbeatSeconds` (must be below the timeout), or a path to it. */
  readonly heartbeatSeconds?: number | ((input: PathProxy<Cur>) => Ref<number>);
  /** `Credentials.RoleArn`: a role to assume for the call. */
  readonly roleArn?: string | ((input: PathProxy<Cur>) => Expr<string>);
}

/** A retrier. @see https://states-language.net/spec.html#retrying-after-error */
export interface RetryOptions<Name extends string> {
  readonly errors: readonly [Name, ...Name[]];
  /** @default 1 */
  readonly intervalSeconds?: number;
  /** @default 3 */
  readonly maxAttempts?: number;
  /** @default 2.0 */
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitter?: "FULL" | "NONE";
  readonly comment?: string;
}

/** Options of a catcher. */
export interface CatchOptions<K extends string> {
  /** `ResultPath: "$.<key>"`: keep the state input and place the error output at `key`. */
  readonly into?: K;
  readonly comment?: string;
}

/** Options of a Pass state. `R` is a literal result, `P` a template built from the input. */
export interface PassOptions<In, Cur, Vars, R, P, K extends string, A> extends NodeOptions {
  /** `Result`: a fixed JSON value. */
  readonly result?: R;
  /** `Parameters`: a value built from the input. */
  readonly parameters?: (input: PathProxy<Cur>, scope: Scope<In, Vars>) => P;
  /** `ResultPath: "$.<key>"`: keep the input and place the result at `key`. */
  readonly into?: K;
  /** `Assign`, over the state input. */
  readonly assign?: (input: PathProxy<Cur>, scope: Scope<In, Vars>) => A;
}

/** How long a Wait state waits. */
export type WaitOptions<In, Cur, Vars, A> = NodeOptions & {
  readonly assign?: (input: PathProxy<Cur>, scope: Scope<In, Vars>) => A;
} & (
    | { readonly seconds: number | ((input: PathProxy<Cur>) => Ref<number>) }
    /** An RFC 3339 timestamp. */
    | { readonly timestamp: string | ((input: PathProxy<Cur>) => Ref<string>) }
  );

/** Options of a Succeed state. */
export interface SucceedOptions<Cur, X> extends NodeOptions {
  /** `OutputPath`: the part of the input that becomes the execution output. */
  readonly outputPath?: (input: PathProxy<Cur>) => Ref<X>;
}

/** Options of a Fail state. */
export interface FailOptions<In, Cur, Vars> extends NodeOptions {
  /** `Error`, or an expression (`ErrorPath` / JSONata). */
  readonly error?: string | ((input: PathProxy<Cur>, scope: Scope<In, Vars>) => Expr<string>);
  /** `Cause`, or an expression (`CausePath` / JSONata). */
  readonly cause?: string | ((input: PathProxy<Cur>, scope: Scope<In, Vars>) => Expr<string>);
}

/** A Choice rule's condition over the current value. */
export type ConditionFn<In, Cur, Vars> = (input: PathProxy<Cur>, scope: Scope<In, Vars>) => Condition;

/** How a Map state iterates. */
export interface MapIteration<In, Cur, Vars, Item, Sel> {
  /** `ItemsPath` / JSONata `Items`: the array to iterate. Default: the state input. */
  readonly items?: (input: PathProxy<Cur>) => Ref<readonly Item[]>;
  /** `ItemSelector`: what each iteration receives. Default: the item. */
  readonly itemSelector?: (
    input: PathProxy<Cur>,
    iteration: Scope<In, Vars> & { readonly item: PathProxy<Item>; readonly index: PathProxy<number> },
  ) => Sel;
  /** `MaxConcurrency` (0: as many as possible), or a path to it. */
  readonly maxConcurrency?: number | ((input: PathProxy<Cur>) => Ref<number>);
  readonly toleratedFailureCount?: number | ((input: PathProxy<Cur>) => Ref<number>);
  readonly toleratedFailurePercentage?: number | ((input: PathProxy<Cur>) => Ref<number>);
  /** Run each iteration as a child execution (Distributed Map). @default inline */
  readonly distributed?: { readonly executionType: "STANDARD" | "EXPRESS"; readonly label?: string };
}

/** A literal JSON value for `Result` (readonly, so `const` inference keeps literal types). */
export type JsonLiteral = null | boolean | number | string | readonly JsonLiteral[] | { readonly [key: string]: JsonLiteral };
