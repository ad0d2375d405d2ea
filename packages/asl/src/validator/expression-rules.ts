/**
 * Syntax of every expression in a state: JSONPath paths and reference paths,
 * intrinsic calls in `.$` template values (arity, literal argument types),
 * and JSONata `{% %}` expressions.
 *
 * @see https://states-language.net/spec.html#path
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import { checkIntrinsic, IntrinsicSyntaxError, intrinsicPaths, isIntrinsicCall, parseIntrinsic } from "../intrinsics/index.js";
import { checkJsonataExpression, isJsonataTemplate } from "../jsonata/index.js";
import type { State } from "../model/index.js";
import { compileReferencePath, parsePath, PathSyntaxError } from "../paths/index.js";
import { asRecord, pointerOf, type Problems } from "./problems.js";
import type { StateVisit } from "./walk.js";

/** Fields holding a path into the input that must select one node (reference-path style). */
const definitePathFields = [
  "TimeoutSecondsPath",
  "HeartbeatSecondsPath",
  "SecondsPath",
  "TimestampPath",
  "MaxConcurrencyPath",
  "ToleratedFailureCountPath",
  "ToleratedFailurePercentagePath",
];
/** Fields holding a payload template (`.$` keys). */
const templateFields = ["Parameters", "ResultSelector", "ItemSelector", "Assign", "Credentials"];
/** Nested graphs: checked state by state on their own. */
const nestedGraphFields = new Set(["Branches", "ItemProcessor", "Iterator"]);

/** Checks the expressions of one state whose shape is valid. */
export function checkExpressions(visit: StateVisit, state: State, problems: Problems): void {
  if (visit.language === "JSONata") checkJsonata(visit, problems);
  else checkJsonPath(visit, state, problems);
}

function checkJsonPath(visit: StateVisit, state: State, problems: Problems): void {
  const record = visit.record;
  const at = (...tokens: (string | number)[]) => pointerOf(visit.pointer, ...tokens);
  for (const field of ["InputPath", "OutputPath", "ItemsPath"]) {
    const value = record[field];
    if (typeof value === "string") checkPath(value, at(field), problems);
  }
  if (typeof record.ResultPath === "string") checkReferencePath(record.ResultPath, at("ResultPath"), problems);
  for (const field of definitePathFields) {
    const value = record[field];
    if (typeof value === "string") checkPath(value, at(field), problems, true);
  }
  for (const field of ["ErrorPath", "CausePath"]) {
    const value = record[field];
    if (typeof value === "string") checkPathOrIntrinsic(value, at(field), problems);
  }
  for (const field of templateFields) checkTemplate(record[field], at(field), problems);
  for (const field of ["ItemReader", "ResultWriter"]) checkTemplate(asRecord(record[field])?.Parameters, at(field, "Parameters"), problems);
  const maxItemsPath = asRecord(asRecord(record.ItemReader)?.ReaderConfig)?.MaxItemsPath;
  if (typeof maxItemsPath === "string") checkPath(maxItemsPath, at("ItemReader", "ReaderConfig", "MaxItemsPath"), problems, true);
  const batcher = asRecord(record.ItemBatcher);
  if (batcher !== undefined) {
    checkTemplate(batcher.BatchInput, at("ItemBatcher", "BatchInput"), problems);
    for (const field of ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"]) {
      const value = batcher[field];
      if (typeof value === "string") checkPath(value, at("ItemBatcher", field), problems, true);
    }
  }
  if (state.Type === "Task" || state.Type === "Parallel" || state.Type === "Map") {
    (state.Catch ?? []).forEach((catcher, index) => {
      if (typeof catcher.ResultPath === "string") checkReferencePath(catcher.ResultPath, at("Catch", index, "ResultPath"), problems);
      checkTemplate(catcher.Assign, at("Catch", index, "Assign"), problems);
    });
  }
  if (state.Type === "Choice") {
    state.Choices.forEach((rule, index) => {
      checkRulePaths(rule, at("Choices", index), problems);
      if ("Assign" in rule) checkTemplate(rule.Assign, at("Choices", index, "Assign"), problems);
    });
  }
}

function checkRulePaths(value: unknown, pointer: string, problems: Problems): void {
  const rule = asRecord(value);
  if (rule === undefined) return;
  for (const [key, inner] of Object.entries(rule)) {
    if (key === "Variable" || (key.endsWith("Path") && typeof inner === "string")) {
      if (typeof inner === "string") checkPath(inner, pointerOf(pointer, key), problems);
    } else if (key === "Not") {
      checkRulePaths(inner, pointerOf(pointer, key), problems);
    } else if ((key === "And" || key === "Or") && Array.isArray(inner)) {
      inner.forEach((item, index) => {
        checkRulePaths(item, pointerOf(pointer, key, index), problems);
      });
    }
  }
}

/** A JSONPath (`definite`: names and indices only). */
function checkPath(text: string, pointer: string, problems: Problems, definite = false): void {
  try {
    const parsed = parsePath(text);
    if (definite && !parsed.definite) problems.add(pointer, `"${text}" must select a single value (names and indices only)`);
  } catch (error) {
    problems.add(pointer, describe(error));
  }
}

function checkReferencePath(text: string, pointer: string, problems: Problems): void {
  try {
    compileReferencePath(text);
  } catch (error) {
    problems.add(pointer, describe(error));
  }
}

function checkPathOrIntrinsic(text: string, pointer: string, problems: Problems): void {
  if (!isIntrinsicCall(text)) {
    checkPath(text, pointer, problems);
    return;
  }
  try {
    const call = parseIntrinsic(text);
    for (const problem of checkIntrinsic(call)) problems.add(pointer, `${problem.message} (at offset ${problem.offset})`);
    for (const path of intrinsicPaths(call)) checkPath(path.path, pointer, problems);
  } catch (error) {
    problems.add(pointer, describe(error));
  }
}

/** A payload template: every `.$` key holds a path or an intrinsic call. */
function checkTemplate(value: unknown, pointer: string, problems: Problems): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkTemplate(item, pointerOf(pointer, index), problems);
    });
    return;
  }
  const object = asRecord(value);
  if (object === undefined) return;
  for (const [key, inner] of Object.entries(object)) {
    const at = pointerOf(pointer, key);
    if (key.endsWith(".$") && Object.hasOwn(object, key.slice(0, -2))) {
      problems.add(at, `"${key}" and "${key.slice(0, -2)}" both produce the field "${key.slice(0, -2)}"`);
    }
    if (!key.endsWith(".$")) {
      checkTemplate(inner, at, problems);
    } else if (typeof inner !== "string") {
      problems.add(at, `the value of "${key}" must be a string holding a path or an intrinsic call`);
    } else {
      checkPathOrIntrinsic(inner, at, problems);
    }
  }
}

/** Every `{% %}` string of a JSONata state (nested graphs excluded) must parse; a choice Condition must be an expression or a boolean. */
function checkJsonata(visit: StateVisit, problems: Problems): void {
  const visitValue = (value: unknown, pointer: string): void => {
    if (typeof value === "string") {
      if (!isJsonataTemplate(value)) return;
      for (const problem of checkJsonataExpression(value)) problems.add(pointer, `${problem.kind}: ${problem.message}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visitValue(item, pointerOf(pointer, index));
      });
    } else {
      const object = asRecord(value);
      if (object === undefined) return;
      for (const [key, inner] of Object.entries(object)) visitValue(inner, pointerOf(pointer, key));
    }
  };
  for (const [field, value] of Object.entries(visit.record)) {
    if (nestedGraphFields.has(field) || field === "Comment") continue;
    visitValue(value, pointerOf(visit.pointer, field));
  }
  const choices = visit.record.Choices;
  if (Array.isArray(choices)) {
    choices.forEach((rule, index) => {
      const condition = asRecord(rule)?.Condition;
      if (typeof condition === "string" && !isJsonataTemplate(condition)) {
        problems.add(pointerOf(visit.pointer, "Choices", index, "Condition"), "must be a JSONata expression {% … %} or a boolean");
      }
    });
  }
}

/** The message of a syntax error; anything else is a bug and is rethrown. */
function describe(error: unknown): string {
  if (error instanceof PathSyntaxError || error instanceof IntrinsicSyntaxError) return error.message;
  throw error;
}
