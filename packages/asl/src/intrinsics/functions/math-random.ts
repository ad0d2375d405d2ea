import { defineIntrinsic } from "../define.js";
import { seededRandom } from "../seeded-random.js";

/**
 * `States.MathRandom(start, end[, seed])`: a random integer from `start` to `end`, both included. Non-integer
 * bounds are rounded to the nearest integer, as Step Functions does; the same seed gives the same number.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
 */
export const statesMathRandom = defineIntrinsic({
  name: "States.MathRandom",
  parameters: [
    { name: "start", types: ["number"] },
    { name: "end", types: ["number"] },
    { name: "seed", types: ["number"], optional: true },
  ],
  returns: "integer",
  relate([start, end]) {
    if (typeof start !== "number" || typeof end !== "number") return undefined;
    return Math.round(start) > Math.round(end) ? `the start (${start}) must not be greater than the end (${end})` : undefined;
  },
  evaluate([start, end, seed], _rest, { random }) {
    const low = Math.round(start);
    const high = Math.round(end);
    const unit = seed === undefined ? random() : seededRandom(Math.round(seed));
    return low + Math.floor(unit * (high - low + 1));
  },
});
