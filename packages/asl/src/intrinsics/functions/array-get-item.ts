import { defineIntrinsic, parameter } from "../define.js";

/**
 * `States.ArrayGetItem(array, index)`: the item at a zero-based index, which must lie within the array.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayGetItem = defineIntrinsic({
  name: "States.ArrayGetItem",
  parameters: [
    { name: "array", types: ["array"] },
    parameter({ name: "index", types: ["integer"], refine: (index) => (index < 0 ? "must not be negative" : undefined) }),
  ],
  returns: "any",
  relate([array, index]) {
    if (!Array.isArray(array) || typeof index !== "number" || index < array.length) return undefined;
    return `the index ${index} is out of bounds for an array of ${array.length} item${array.length === 1 ? "" : "s"}`;
  },
  evaluate([array, index]) {
    // relate() has checked 0 <= index < array.length.
    return array[index] ?? null;
  },
});
