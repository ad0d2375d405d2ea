/**
 * Bounds on one JSONata evaluation, enforced by jsonata 2.2's `timeout`, `stack` and `sequence` options, so
 * a runaway expression fails with `States.QueryEvaluationError` instead of hanging the engine.
 */
export interface JsonataLimits {
  /** Longest one evaluation may run, in milliseconds (jsonata error D1012). @default 5000 */
  readonly timeoutMs: number;
  /**
   * Deepest evaluation nesting (jsonata error D1011). 100 reproduces the AWS ceiling: `1+1+…+1` with 100
   * terms, 99 nested parentheses and a non-tail-recursive `$f(31)` pass, one more fails. @default 100
   */
  readonly maxDepth: number;
  /** Longest sequence an evaluation may build (jsonata error D2015); also bounds `$range`. @default 1000000 */
  readonly maxSequence: number;
}

export const defaultJsonataLimits: JsonataLimits = { timeoutMs: 5000, maxDepth: 100, maxSequence: 1_000_000 };

export function resolveLimits(limits: Partial<JsonataLimits> | undefined): JsonataLimits {
  return { ...defaultJsonataLimits, ...limits };
}
