import { defineIntrinsic } from "../define.js";

/**
 * `States.JsonToString(path)`: the compact JSON text of a value.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
export const statesJsonToString = defineIntrinsic({
  name: "States.JsonToString",
  parameters: [{ name: "value", types: ["any"] }],
  returns: "string",
  relate(_values, nodes) {
    const node = nodes[0];
    return node !== undefined && node.kind !== "path" && node.kind !== "call"
      ? "the value must be a path (such as $.data), not a literal"
      : undefined;
  },
  evaluate([value]) {
    return JSON.stringify(value);
  },
});
