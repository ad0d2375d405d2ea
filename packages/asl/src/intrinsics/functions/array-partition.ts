import type { JsonValue } from "../../model/json.js";
import { defineIntrinsic, parameter } from "../define.js";

/**
 * `States.ArrayPartition(array, chunkSize)`: splits an array into chunks of `chunkSize` items; the last
 * chunk holds what is left.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayPartition = defineIntrinsic({
  name: "States.ArrayPartition",
  parameters: [
    { name: "array", types: ["array"] },
    parameter({
      name: "chunk size",
      types: ["integer"],
      refine: (size) => (size > 0 ? undefined : "must be greater than 0"),
    }),
  ],
  returns: "array",
  evaluate([array, size]) {
    const chunks: JsonValue[] = [];
    for (let start = 0; start < array.length; start += size) chunks.push(array.slice(start, start + size));
    return chunks;
  },
});
