import { defineIntrinsic, parameter } from "../define.js";
import { tooLong } from "../values.js";

/** Step Functions accepts at most 10,000 characters for States.Base64Encode and States.Base64Decode. */
export const MAX_BASE64_INPUT_CHARACTERS = 10_000;

/**
 * `States.Base64Encode(string)`: the Base64 (RFC 4648) encoding of the string's UTF-8 bytes.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 */
export const statesBase64Encode = defineIntrinsic({
  name: "States.Base64Encode",
  parameters: [
    parameter({ name: "string", types: ["string"], refine: (text) => tooLong(text, MAX_BASE64_INPUT_CHARACTERS) }),
  ],
  returns: "string",
  evaluate([text]) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
});
