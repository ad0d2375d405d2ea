export {
  type IntrinsicArgument,
  type IntrinsicBoolean,
  type IntrinsicCall,
  type IntrinsicLiteral,
  type IntrinsicNull,
  type IntrinsicNumber,
  type IntrinsicPath,
  type IntrinsicString,
  intrinsicPaths,
  isIntrinsicLiteral,
} from "./ast.js";
export { checkIntrinsic, type IntrinsicProblem } from "./check.js";
export type { IntrinsicFunction, ParameterSpec } from "./define.js";
export { IntrinsicFailure, IntrinsicSyntaxError, InvalidIntrinsicCall } from "./errors.js";
export { evaluateIntrinsic, type IntrinsicRuntime } from "./evaluate.js";
export { HASH_ALGORITHMS, type HashAlgorithm, hashHex, isHashAlgorithm } from "./functions/hash.js";
export { isIntrinsicCall, MAX_INTRINSIC_NESTING, parseIntrinsic } from "./parser.js";
export {
  INTRINSIC_FUNCTION_NAMES,
  type IntrinsicFunctionName,
  intrinsicFunctions,
  isIntrinsicFunctionName,
  lookupIntrinsic,
} from "./registry.js";
export { seededRandom } from "./seeded-random.js";
export type { ValueType } from "./values.js";
