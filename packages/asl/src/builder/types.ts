/**
 * Compile-time checks of the data flow: a link is legal when the current value
 * is assignable to what the next state accepts (`[Cur] extends [Want]`, not
 * distributive, the direction of zod's `pipe`). A refused link turns the
 * parameter type into {@link Mismatch}, which names both sides in the error.
 */

declare const mismatch: unique symbol;

/** The branded error type of a refused link: `have` is the current value, `want` what the state accepts. */
export interface Mismatch<Have, Want> {
  readonly [mismatch]: "the state's input does not accept the current value";
  readonly have: Have;
  readonly want: Want;
}

/** `unknown` (no constraint) when `Cur` fits `Want`, else the {@link Mismatch} error type. */
export type Fits<Cur, Want> = [Cur] extends [Want] ? unknown : Mismatch<Cur, Want>;

/** Flattens an intersection for readable hover types. */
export type Simplify<T> = T extends object ? { [K in keyof T]: T[K] } & {} : T;

/**
 * `Base` with the fields of `Added`, which win. A flat intersection when no key
 * is replaced: intersections stay flat however long the chain, where a mapped
 * type per step would nest one level deeper each time.
 */
export type Merge<Base, Added> = [keyof Added & keyof Base] extends [never] ? Base & Added : Omit<Base, keyof Added> & Added;

/** `Cur` with `value` placed at `key` (ResultPath `$.key`). */
export type PlaceAt<Cur, K extends string, Value> = Merge<Cur, { [P in K]: Value }>;
