import { defineIntrinsic } from "../define.js";
import { jsonEquals } from "../values.js";

/**
 * `States.ArrayContains(array, value)`: whether the array holds a value equal to `value` (deep equality).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayContains = defineIntrinsic({
  name: "States.ArrayContains",
  parameters: [
    { name: "array", types: ["array"] },
    { name: "value", types: ["any"] },
  ],
  returns: "boolean",
  evaluate([array, value]) {
    return array.some((item) => jsonEquals(item, value));
  },
});
