import { defineIntrinsic } from "../define.js";

/**
 * `States.Array(value…)`: an array of the arguments, in order.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArray = defineIntrinsic({
  name: "States.Array",
  parameters: [],
  rest: { name: "value", types: ["any"] },
  returns: "array",
  evaluate(_args, values) {
    return [...values];
  },
});
