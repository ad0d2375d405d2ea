import type { JsonValue } from "../../model/json.js";
import { defineIntrinsic } from "../define.js";
import { jsonEquals } from "../values.js";

/**
 * `States.ArrayUnique(array)`: the array without duplicates (deep equality), first occurrences kept in order.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-arrays
 */
export const statesArrayUnique = defineIntrinsic({
  name: "States.ArrayUnique",
  parameters: [{ name: "array", types: ["array"] }],
  returns: "array",
  evaluate([array]) {
    const unique: JsonValue[] = [];
    for (const item of array) {
      if (!unique.some((kept) => jsonEquals(kept, item))) unique.push(item);
    }
    return unique;
  },
});
