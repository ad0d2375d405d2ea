import { defineIntrinsic, parameter } from "../define.js";

/** Step Functions refuses a States.ArrayRange result of more than 1,000 items. */
export const MAX_ARRAY_RANGE_ITEMS = 1000;

/** Number of items `start, start+step, …` up to and including `end`; 0 when `step` points away from `end`. */
function rangeSize(start: number, end: number, step: number): number {
  const span = end - start;
  if (span !== 0 && Math.sign(span) !== Math.sign(step)) return 0;
  return Math.floor(span / step) + 1;
}

/**
 * `States.ArrayRange(start, end, step)`: `[start, start+step, …]` up to and including `end`. All three must
 * be integers, `step` non-zero, and the result at most 1,000 items.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayRange = defineIntrinsic({
  name: "States.ArrayRange",
  parameters: [
    { name: "start", types: ["integer"] },
    { name: "end", types: ["integer"] },
    parameter({ name: "step", types: ["integer"], refine: (step) => (step === 0 ? "must not be 0" : undefined) }),
  ],
  returns: "array",
  relate([start, end, step]) {
    if (typeof start !== "number" || typeof end !== "number" || typeof step !== "number" || step === 0) {
      return undefined;
    }
    const size = rangeSize(start, end, step);
    return size > MAX_ARRAY_RANGE_ITEMS
      ? `the range would hold ${size} items, more than the maximum of ${MAX_ARRAY_RANGE_ITEMS}`
      : undefined;
  },
  evaluate([start, end, step]) {
    const size = rangeSize(start, end, step);
    return Array.from({ length: size }, (_, index) => start + index * step);
  },
});
