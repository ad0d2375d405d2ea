/**
 * Test support: runs a definition through our validator and through
 * `asl-validator` (an independent implementation), so tests can compare them.
 */
import { createRequire } from "node:module";
import * as z from "zod";
import { validateDefinition } from "./index.js";

const require = createRequire(import.meta.url);
const AslValidatorResult = z.object({
  isValid: z.boolean(),
  errors: z.array(z.looseObject({ "Error code": z.string().optional(), Message: z.string().optional() })),
});
const aslValidator = z.function({ input: [z.unknown()], output: z.unknown() }).implement(require("asl-validator") as (definition: unknown) => unknown);

/** What asl-validator says about `definition` (run on a copy: it annotates what it is given). */
export function aslValidatorErrors(definition: unknown): string[] {
  const result = AslValidatorResult.parse(aslValidator(structuredClone(definition)));
  return result.errors.map((error) => `${error["Error code"] ?? "?"}: ${error.Message ?? JSON.stringify(error)}`);
}

/** Both validators' verdicts. */
export function bothValidators(definition: unknown): { ours: string[]; theirs: string[] } {
  return {
    ours: validateDefinition(definition).map((problem) => `${problem.pointer}: ${problem.message}`),
    theirs: aslValidatorErrors(definition),
  };
}
