import { defineIntrinsic, parameter } from "../define.js";
import { IntrinsicFailure } from "../errors.js";
import { tooLong } from "../values.js";
import { MAX_BASE64_INPUT_CHARACTERS } from "./base64-encode.js";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `States.Base64Decode(string)`: decodes Base64 (RFC 4648, padded) into a UTF-8 string.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-data-encode-decode
 */
export const statesBase64Decode = defineIntrinsic({
  name: "States.Base64Decode",
  parameters: [
    parameter({
      name: "Base64 string",
      types: ["string"],
      refine: (text) =>
        tooLong(text, MAX_BASE64_INPUT_CHARACTERS) ?? (BASE64.test(text) ? undefined : "must be valid Base64"),
    }),
  ],
  returns: "string",
  evaluate([encoded]) {
    const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new IntrinsicFailure("Invalid arguments in States.Base64Decode: the decoded bytes are not UTF-8 text");
    }
  },
});
