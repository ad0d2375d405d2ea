import { defineIntrinsic } from "../define.js";

/**
 * `States.UUID()`: a random version 4 UUID (from the runtime's injected generator).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-uuid-generate
 */
export const statesUuid = defineIntrinsic({
  name: "States.UUID",
  parameters: [],
  returns: "string",
  evaluate(_args, _rest, { uuid }) {
    return uuid();
  },
});
