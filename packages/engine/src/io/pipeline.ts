/**
 * The JSONPath-mode I/O pipeline as pure functions:
 * InputPath → Parameters/ItemSelector → (result) → ResultSelector → ResultPath → OutputPath.
 * The compiled forms run inside the engine; the string-taking `apply…` forms serve tools such as TestState.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 */
import {
  type CompiledPath,
  type CompiledReferencePath,
  compileReferencePath,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ReferencePathMatchError,
} from "@statecraft/asl";
import { InvalidDefinitionError, ResultPathMatchFailure, StatesRuntimeError } from "../errors.js";
import { Problems } from "../compile/problems.js";
import { cachedPath, emptyEnv, type PathEnv, selectPath } from "./path-env.js";
import { type CompiledTemplate, compileTemplate } from "./template.js";

/** A filter path: compiled, `null` (→ `{}`) or absent (→ unchanged). */
export type FilterPath = CompiledPath | null | undefined;
/** A result path: compiled, `null` (→ keep the input) or absent (→ the result replaces the input). */
export type ResultPathSpec = CompiledReferencePath | null | undefined;

/** A definite path in the bracket notation Step Functions prints in its causes (`$['a'][0]`); other paths as written. */
function bracketNotation(path: CompiledPath): string {
  if (path.root.kind !== "input") return path.text;
  let text = "$";
  for (const segment of path.segments) {
    if (segment.kind === "name") text += `['${segment.name}']`;
    else if (segment.kind === "index") text += `[${segment.index}]`;
    else return path.text;
  }
  return text;
}

/**
 * Why a definite input path selected nothing, in Step Functions' (Jayway JsonPath's) words: a property missing
 * before the last step is "Missing property in path $['a']" (the path up to that property; recorded execution:
 * localstack test_base_scenarios.snapshot.json, test_catch_states_runtime, OutputPath `$.no.such.result.path`
 * on `{}`); otherwise "No results for path: $['a']['b']" (the whole path).
 */
function noResultsCause(path: CompiledPath, value: JsonValue): string {
  if (path.root.kind === "input") {
    let text = "$";
    let current: JsonValue | undefined = value;
    const last = path.segments.length - 1;
    for (const [position, segment] of path.segments.entries()) {
      if (segment.kind === "name") {
        text += `['${segment.name}']`;
        const object: JsonObject | undefined = isJsonObject(current) ? current : undefined;
        if (object !== undefined && !Object.hasOwn(object, segment.name) && position < last) {
          return `Invalid path '${path.text}' : Missing property in path ${text}`;
        }
        current = object?.[segment.name];
      } else if (segment.kind === "index") {
        text += `[${segment.index}]`;
        current = Array.isArray(current) ? current[segment.index] : undefined;
      } else break;
    }
  }
  return `Invalid path '${path.text}' : No results for path: ${bracketNotation(path)}`;
}

function filter(value: JsonValue, path: FilterPath, env: PathEnv): JsonValue {
  if (path === undefined) return value;
  if (path === null) return {};
  const selected = selectPath(path, value, env);
  // Step Functions' cause text (its StatesRuntimeError is prefixed with the state once it reaches the state).
  if (selected === undefined) throw new StatesRuntimeError(noResultsCause(path, value));
  return selected;
}

/** `InputPath`: selects the part of the state input the state works on. @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html */
export function selectInputPath(input: JsonValue, path: FilterPath, env: PathEnv = emptyEnv): JsonValue {
  return filter(input, path, env);
}

/** `OutputPath`: selects the part of the state output passed on. @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html */
export function selectOutputPath(output: JsonValue, path: FilterPath, env: PathEnv = emptyEnv): JsonValue {
  return filter(output, path, env);
}

/** `ResultPath`: combines the result with the (raw) state input. @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html */
export function placeResult(input: JsonValue, result: JsonValue, path: ResultPathSpec): JsonValue {
  if (path === undefined) return result;
  if (path === null) return input;
  if (path.steps.length === 0) return result;
  try {
    return path.set(input, result);
  } catch (error) {
    if (error instanceof ReferencePathMatchError) throw new ResultPathMatchFailure(error.message);
    throw error;
  }
}

const templateCache = new WeakMap<object, CompiledTemplate>();

function templateOf(template: JsonObject, field: string): CompiledTemplate {
  let compiled = templateCache.get(template);
  if (compiled === undefined) {
    const problems = new Problems();
    compiled = compileTemplate(template, `/${field}`, problems);
    if (compiled === undefined || problems.list.length > 0) throw new InvalidDefinitionError(problems.list);
    templateCache.set(template, compiled);
  }
  return compiled;
}

function pathOrNull(text: string | null | undefined): FilterPath {
  return text === undefined || text === null ? text : cachedPath(text);
}

/** Applies an `InputPath` string. `null` gives `{}`. */
export function applyInputPath(input: JsonValue, inputPath: string | null | undefined, env: PathEnv = emptyEnv): JsonValue {
  return selectInputPath(input, pathOrNull(inputPath), env);
}

/** Applies a `Parameters` (or `ItemSelector`) payload template. */
export function applyParameters(input: JsonValue, parameters: JsonObject | undefined, env: PathEnv = emptyEnv): JsonValue {
  return parameters === undefined ? input : templateOf(parameters, "Parameters")(input, env);
}

/** Applies a `ResultSelector` payload template to a task result. */
export function applyResultSelector(result: JsonValue, resultSelector: JsonObject | undefined, env: PathEnv = emptyEnv): JsonValue {
  return resultSelector === undefined ? result : templateOf(resultSelector, "ResultSelector")(result, env);
}

/** Applies a `ResultPath` string. `null` keeps the input; `"$"` or absent gives the result. */
export function applyResultPath(input: JsonValue, result: JsonValue, resultPath: string | null | undefined): JsonValue {
  return placeResult(input, result, resultPath === undefined || resultPath === null ? resultPath : compileReferencePath(resultPath));
}

/** Applies an `OutputPath` string. `null` gives `{}`. */
export function applyOutputPath(output: JsonValue, outputPath: string | null | undefined, env: PathEnv = emptyEnv): JsonValue {
  return selectOutputPath(output, pathOrNull(outputPath), env);
}
