/**
 * Payload templates (`Parameters`, `ItemSelector`, `ResultSelector`, `BatchInput`): fields whose name ends in `.$`
 * take their value from a path (`$…` input, `$$…` context object, `$name…` variable) or an intrinsic call.
 * Compiled once into a function that builds the payload.
 *
 * @see https://states-language.net/spec.html#payload-template
 */
import { isIntrinsicCall, type JsonObject, type JsonValue } from "@statecraft/asl";
import { StatesRuntimeError } from "../errors.js";
import { pointerTo, type Problems } from "../compile/problems.js";
import { compileIntrinsic } from "./intrinsics.js";
import { type PathEnv, selectPath } from "./path-env.js";

/** A compiled payload template: input (and environment) → payload. */
export type CompiledTemplate = (input: JsonValue, env: PathEnv) => JsonValue;

type FieldBuilder = (input: JsonValue, env: PathEnv) => JsonValue;

function compileDynamicField(key: string, value: unknown, pointer: string, problems: Problems): FieldBuilder | undefined {
  if (typeof value !== "string") {
    problems.add(pointer, `the value of '${key}' must be a JSONPath or an intrinsic function call (a string)`);
    return undefined;
  }
  if (isIntrinsicCall(value)) return compileIntrinsic(value, key, pointer, problems);
  const path = problems.path(pointer, value);
  if (path === undefined) return undefined;
  return (input, env) => {
    const selected = selectPath(path, input, env);
    if (selected === undefined) {
      const source = path.root.kind === "context" ? "context object" : path.root.kind === "variable" ? "variables" : "input";
      // Step Functions fails with States.Runtime here (not the documented States.ParameterPathFailure).
      throw new StatesRuntimeError(
        `The JSONPath '${path.text}' specified for the field '${key}' could not be found in the ${source} '${source === "input" ? JSON.stringify(input) : ""}'`,
      );
    }
    return selected;
  };
}

/** `true` when a value contains no `.$` field anywhere (so it can be shared as a constant). */
function isStatic(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.every(isStatic);
  if (typeof value === "object" && value !== null) {
    for (const key in value) if (key.endsWith(".$") || !isStatic(value[key] ?? null)) return false;
  }
  return true;
}

function compileValue(value: JsonValue, pointer: string, problems: Problems): FieldBuilder {
  if (isStatic(value)) return () => value;
  if (Array.isArray(value)) {
    const items = value.map((item, index) => compileValue(item, pointerTo(pointer, index), problems));
    return (input, env) => items.map((item) => item(input, env));
  }
  return compileObject(value as JsonObject, pointer, problems);
}

function compileObject(template: JsonObject, pointer: string, problems: Problems): FieldBuilder {
  const names: string[] = [];
  const builders: FieldBuilder[] = [];
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(template)) {
    const dynamic = key.endsWith(".$");
    const name = dynamic ? key.slice(0, -2) : key;
    const fieldPointer = pointerTo(pointer, key);
    if (seen.has(name)) problems.add(fieldPointer, `the field '${name}' appears twice once '.$' is removed`);
    seen.add(name);
    const builder = dynamic ? compileDynamicField(key, value, fieldPointer, problems) : compileValue(value, fieldPointer, problems);
    if (builder === undefined) continue;
    names.push(name);
    builders.push(builder);
  }
  const count = names.length;
  return (input, env) => {
    const out: JsonObject = {};
    for (let i = 0; i < count; i++) {
      const name = names[i] as string;
      const built = (builders[i] as FieldBuilder)(input, env);
      if (name === "__proto__") Object.defineProperty(out, name, { value: built, enumerable: true, writable: true, configurable: true });
      else out[name] = built;
    }
    return out;
  };
}

/**
 * Compiles a payload template, recording problems (bad paths, bad intrinsic calls, duplicate fields) under
 * `pointer`.
 */
export function compileTemplate(template: unknown, pointer: string, problems: Problems): CompiledTemplate | undefined {
  if (typeof template !== "object" || template === null || Array.isArray(template)) {
    problems.add(pointer, "a payload template must be a JSON object");
    return undefined;
  }
  return compileObject(template as JsonObject, pointer, problems);
}
