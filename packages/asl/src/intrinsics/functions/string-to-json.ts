import type { JsonValue } from "../../model/json.js";
import { defineIntrinsic } from "../define.js";
import { IntrinsicFailure } from "../errors.js";

/**
 * `States.StringToJson(string)`: parses a JSON text.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
 */
export const statesStringToJson = defineIntrinsic({
  name: "States.StringToJson",
  parameters: [{ name: "JSON text", types: ["string"] }],
  returns: "any",
  evaluate([text]) {
    // An empty or blank string gives null (recorded against Step Functions: localstack
    // test_json_manipulation.snapshot.json, test_string_to_json with "" and " ").
    if (text.trim() === "") return null;
    try {
      const parsed: JsonValue = JSON.parse(text);
      return parsed;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new IntrinsicFailure(`Invalid arguments in States.StringToJson: the string is not valid JSON (${reason})`);
    }
  },
});
