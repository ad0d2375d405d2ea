import type { IntrinsicFunction } from "./define.js";
import { statesArray } from "./functions/array.js";
import { statesArrayContains } from "./functions/array-contains.js";
import { statesArrayGetItem } from "./functions/array-get-item.js";
import { statesArrayLength } from "./functions/array-length.js";
import { statesArrayPartition } from "./functions/array-partition.js";
import { statesArrayRange } from "./functions/array-range.js";
import { statesArrayUnique } from "./functions/array-unique.js";
import { statesBase64Decode } from "./functions/base64-decode.js";
import { statesBase64Encode } from "./functions/base64-encode.js";
import { statesFormat } from "./functions/format.js";
import { statesHash } from "./functions/hash.js";
import { statesJsonMerge } from "./functions/json-merge.js";
import { statesJsonToString } from "./functions/json-to-string.js";
import { statesMathAdd } from "./functions/math-add.js";
import { statesMathRandom } from "./functions/math-random.js";
import { statesStringSplit } from "./functions/string-split.js";
import { statesStringToJson } from "./functions/string-to-json.js";
import { statesUuid } from "./functions/uuid.js";

/**
 * Every intrinsic function Step Functions provides, by name.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export const intrinsicFunctions = {
  "States.Format": statesFormat,
  "States.StringToJson": statesStringToJson,
  "States.JsonToString": statesJsonToString,
  "States.Array": statesArray,
  "States.ArrayPartition": statesArrayPartition,
  "States.ArrayContains": statesArrayContains,
  "States.ArrayRange": statesArrayRange,
  "States.ArrayGetItem": statesArrayGetItem,
  "States.ArrayLength": statesArrayLength,
  "States.ArrayUnique": statesArrayUnique,
  "States.Base64Encode": statesBase64Encode,
  "States.Base64Decode": statesBase64Decode,
  "States.Hash": statesHash,
  "States.JsonMerge": statesJsonMerge,
  "States.MathRandom": statesMathRandom,
  "States.MathAdd": statesMathAdd,
  "States.StringSplit": statesStringSplit,
  "States.UUID": statesUuid,
} as const satisfies Record<string, IntrinsicFunction>;

export type IntrinsicFunctionName = keyof typeof intrinsicFunctions;

export const INTRINSIC_FUNCTION_NAMES = Object.keys(intrinsicFunctions) as IntrinsicFunctionName[];

export function isIntrinsicFunctionName(name: string): name is IntrinsicFunctionName {
  return Object.hasOwn(intrinsicFunctions, name);
}

/** The registry entry for `name`, or `undefined` for an unknown function. */
export function lookupIntrinsic(name: string): IntrinsicFunction | undefined {
  return isIntrinsicFunctionName(name) ? intrinsicFunctions[name] : undefined;
}
