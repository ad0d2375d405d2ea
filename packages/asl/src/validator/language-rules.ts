/**
 * `QueryLanguage` rules: a JSONata machine cannot contain JSONPath states,
 * JSONPath-only fields (`InputPath`, `Parameters`, `ResultSelector`,
 * `ResultPath`, `OutputPath`, `…Path`, choice `Variable`s) are refused in
 * JSONata states, and JSONata-only fields (`Arguments`, `Output`, `Items`,
 * `Condition`, `{% %}` values of numeric fields) in JSONPath states.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { State } from "../model/index.js";
import { asRecord, pointerOf, type Problems } from "./problems.js";
import type { StateVisit } from "./walk.js";

const jsonPathOnly = [
  "InputPath",
  "OutputPath",
  "Parameters",
  "ResultSelector",
  "ResultPath",
  "ItemsPath",
  "TimeoutSecondsPath",
  "HeartbeatSecondsPath",
  "SecondsPath",
  "TimestampPath",
  "ErrorPath",
  "CausePath",
  "MaxConcurrencyPath",
  "ToleratedFailureCountPath",
  "ToleratedFailurePercentagePath",
];
const jsonataOnly = ["Arguments", "Output", "Items"];
/** Fields that hold a number in JSONPath and may hold a `{% %}` expression in JSONata. */
const expressionOrNumber = ["TimeoutSeconds", "HeartbeatSeconds", "Seconds", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage"];
const dataTestKeys = ["Variable", "And", "Or", "Not"];

/** Checks the query-language rules of one state whose shape is valid. */
export function checkLanguage(visit: StateVisit, state: State, machineLanguage: "JSONPath" | "JSONata", problems: Problems): void {
  const at = (...tokens: (string | number)[]) => pointerOf(visit.pointer, ...tokens);
  const record = visit.record;
  if (machineLanguage === "JSONata" && record.QueryLanguage === "JSONPath") {
    problems.add(at("QueryLanguage"), "a JSONata state machine cannot contain JSONPath states");
  }
  if (visit.language === "JSONata") {
    for (const field of jsonPathOnly) {
      if (field in record) problems.add(at(field), `${field} is a JSONPath field; in a JSONata state use ${jsonataReplacement(field)}`);
    }
    for (const [field, child] of [["ItemBatcher", ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"]], ["ItemReader", ["Parameters"]], ["ResultWriter", ["Parameters"]]] as const) {
      const object = asRecord(record[field]);
      for (const key of child) if (object !== undefined && key in object) problems.add(at(field, key), `${key} is a JSONPath field; not allowed in a JSONata state`);
    }
    const readerConfig = asRecord(asRecord(record.ItemReader)?.ReaderConfig);
    if (readerConfig !== undefined && "MaxItemsPath" in readerConfig) {
      problems.add(at("ItemReader", "ReaderConfig", "MaxItemsPath"), "MaxItemsPath is a JSONPath field; in a JSONata state use a {% %} expression in MaxItems");
    }
    forEachCatcher(state, (catcher, index) => {
      if ("ResultPath" in catcher) problems.add(at("Catch", index, "ResultPath"), "ResultPath is a JSONPath field; in a JSONata catcher use Output");
    });
    if (state.Type === "Choice") {
      state.Choices.forEach((rule, index) => {
        const keys = Object.keys(rule).filter((key) => !["Condition", "Next", "Assign", "Output", "Comment"].includes(key));
        for (const key of keys) problems.add(at("Choices", index, key), `${key} is a JSONPath choice field; JSONata rules use Condition`);
        if (!("Condition" in rule)) problems.add(at("Choices", index), "a JSONata choice rule needs a Condition");
      });
    }
    return;
  }
  for (const field of jsonataOnly) {
    if (field in record) problems.add(at(field), `${field} is a JSONata field; set "QueryLanguage": "JSONata" to use it`);
  }
  for (const field of expressionOrNumber) {
    const value = record[field];
    if (typeof value === "string") problems.add(at(field), `${field} can be a JSONata expression only in a JSONata state`);
  }
  if (state.Type === "Map") {
    if ("ItemSelector" in record && asRecord(record.ItemSelector) === undefined) {
      problems.add(at("ItemSelector"), "must be an object of key-value pairs in a JSONPath state (a JSONata state may use an expression)");
    }
    for (const field of ["ItemReader", "ResultWriter"] as const) {
      const object = state[field];
      if (object !== undefined && "Arguments" in object) problems.add(at(field, "Arguments"), "Arguments is a JSONata field");
    }
    if (typeof state.ItemReader?.ReaderConfig?.MaxItems === "string") {
      problems.add(at("ItemReader", "ReaderConfig", "MaxItems"), "MaxItems can be a JSONata expression only in a JSONata state");
    }
  }
  forEachCatcher(state, (catcher, index) => {
    if ("Output" in catcher) problems.add(at("Catch", index, "Output"), "Output is a JSONata field; in a JSONPath catcher use ResultPath");
  });
  if (state.Type === "Choice") {
    state.Choices.forEach((rule, index) => {
      if ("Condition" in rule) problems.add(at("Choices", index, "Condition"), "Condition is a JSONata field; JSONPath rules use Variable and an operator");
      if ("Output" in rule) problems.add(at("Choices", index, "Output"), "Output is a JSONata field");
      if (!dataTestKeys.some((key) => key in rule)) problems.add(at("Choices", index), "a JSONPath choice rule needs Variable and an operator, or And/Or/Not");
    });
  }
}

function forEachCatcher(state: State, visit: (catcher: Record<string, unknown>, index: number) => void): void {
  if (state.Type !== "Task" && state.Type !== "Parallel" && state.Type !== "Map") return;
  (state.Catch ?? []).forEach((catcher, index) => {
    visit(catcher as unknown as Record<string, unknown>, index);
  });
}

function jsonataReplacement(field: string): string {
  if (field === "Parameters") return "Arguments";
  if (field === "ItemsPath") return "Items";
  if (field.endsWith("Path") && field !== "InputPath" && field !== "OutputPath" && field !== "ResultPath") {
    return `${field.slice(0, -4)} with a {% %} expression`;
  }
  return "Arguments, Output or Assign";
}
