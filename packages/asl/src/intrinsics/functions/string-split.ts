import { defineIntrinsic } from "../define.js";

/**
 * `States.StringSplit(string, delimiters)`: splits at every occurrence of any character of `delimiters`;
 * empty pieces are left out.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-string-operation
 */
export const statesStringSplit = defineIntrinsic({
  name: "States.StringSplit",
  parameters: [
    { name: "string", types: ["string"] },
    { name: "delimiter characters", types: ["string"] },
  ],
  returns: "array",
  evaluate([text, delimiters]) {
    const separators = new Set(delimiters);
    const pieces: string[] = [];
    let current = "";
    for (const c of text) {
      if (separators.has(c)) {
        if (current !== "") pieces.push(current);
        current = "";
      } else {
        current += c;
      }
    }
    if (current !== "") pieces.push(current);
    return pieces;
  },
});
