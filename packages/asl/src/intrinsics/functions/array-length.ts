import { defineIntrinsic } from "../define.js";

/**
 * `States.ArrayLength(array)`: the number of items.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayLength = defineIntrinsic({
  name: "States.ArrayLength",
  parameters: [{ name: "array", types: ["array"] }],
  returns: "integer",
  evaluate([array]) {
    return array.length;
  },
});
