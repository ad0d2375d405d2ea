import { defineIntrinsic, parameter } from "../define.js";

/**
 * `States.JsonMerge(object1, object2, false)`: a shallow merge, keys of `object2` replacing those of
 * `object1`. Step Functions supports only shallow merging, so the third argument must be `false`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
export const statesJsonMerge = defineIntrinsic({
  name: "States.JsonMerge",
  parameters: [
    { name: "first object", types: ["object"] },
    { name: "second object", types: ["object"] },
    parameter({
      name: "deep merge flag",
      types: ["boolean"],
      refine: (deep) => (deep ? "must be false (Step Functions supports only shallow merging)" : undefined),
    }),
  ],
  returns: "object",
  evaluate([first, second]) {
    return { ...first, ...second };
  },
});
