/**
 * JSONPath-mode `Assign` (on states, choice rules and catchers): a payload template whose `.$` fields read a
 * path (`$` the value the field assigns from, `$$` the context object, `$name` a variable) or an intrinsic.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import type { PathEnv } from "../io/path-env.js";
import { compileTemplate } from "../io/template.js";
import type { RawState } from "./common.js";
import { pointerTo, type Problems } from "./problems.js";

/** Builds the assigned variables from the value `$` stands for (the state's result, its input, the error output). */
export type CompiledAssign = (value: JsonValue, env: PathEnv) => JsonObject;

/** Compiles the `Assign` of `owner` (a state, a choice rule or a catcher); `undefined` when it has none. */
export function compileJsonPathAssign(owner: RawState, pointer: string, problems: Problems): CompiledAssign | undefined {
  if (!("Assign" in owner)) return undefined;
  const template = compileTemplate(owner.Assign, pointerTo(pointer, "Assign"), problems);
  if (template === undefined) return undefined;
  return (value, env) => template(value, env) as JsonObject;
}
