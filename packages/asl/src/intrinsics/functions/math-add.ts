import { defineIntrinsic } from "../define.js";

/**
 * `States.MathAdd(a, b)`: the sum of two integers. Non-integers are rounded to the nearest integer first
 * (halves towards positive infinity, like Java's `Math.round`), as Step Functions does.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-math-operation
 */
export const statesMathAdd = defineIntrinsic({
  name: "States.MathAdd",
  parameters: [
    { name: "first number", types: ["number"] },
    { name: "second number", types: ["number"] },
  ],
  returns: "integer",
  evaluate([a, b]) {
    return Math.round(a) + Math.round(b);
  },
});
