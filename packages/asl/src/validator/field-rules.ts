/**
 * Rules across the fields of one state that a schema cannot express: error
 * names in Retry/Catch, timeouts, the one-of fields of Wait, Fail and Map,
 * variable names in `Assign`.
 *
 * @see https://states-language.net/spec.html#errors
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { JsonObject, State } from "../model/index.js";
import { checkMapIo } from "./map-io-rules.js";
import { pointerOf, type Problems } from "./problems.js";
import type { StateVisit, Walk } from "./walk.js";

/**
 * RFC 3339 date-time as Step Functions accepts it in `Timestamp` fields and timestamp comparisons: "an uppercase T
 * must separate the date and time portions, and an uppercase Z must denote that a numeric time zone offset is not
 * present" (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html,
 * https://states-language.net/spec.html#wait-state).
 */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `arn:partition:service:region:account:resource` (region and account may be empty, as in `arn:aws:states:::lambda:invoke`). */
const ARN = /^arn:[a-z0-9-]+:[A-Za-z0-9-]+:[a-z0-9-]*:\d{0,12}:\S+$/;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_VARIABLE_NAME_LENGTH = 80;

/** Checks the cross-field rules of one state whose shape is valid. */
export function checkFields(visit: StateVisit, state: State, problems: Problems): void {
  const at = (...tokens: (string | number)[]) => pointerOf(visit.pointer, ...tokens);
  const exclusive = (a: string, b: string) => {
    if (a in state && b in state) problems.add(at(b), `${a} and ${b} cannot both be set`);
  };
  if ("Assign" in state && state.Assign !== undefined) checkAssign(state.Assign, at("Assign"), problems);
  switch (state.Type) {
    case "Task": {
      if (!ARN.test(state.Resource)) problems.add(at("Resource"), `"${state.Resource}" is not an ARN (arn:partition:service:region:account:resource)`);
      exclusive("TimeoutSeconds", "TimeoutSecondsPath");
      exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
      const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = state;
      if (typeof heartbeat === "number" && heartbeat >= (typeof timeout === "number" ? timeout : 99_999_999)) {
        problems.add(at("HeartbeatSeconds"), `HeartbeatSeconds (${heartbeat}) must be smaller than TimeoutSeconds (${timeout ?? "99999999 by default"})`);
      }
      checkErrorHandling(state, visit, problems);
      break;
    }
    case "Parallel":
      checkErrorHandling(state, visit, problems);
      break;
    case "Map":
      exclusive("ItemProcessor", "Iterator");
      if (!("ItemProcessor" in state) && !("Iterator" in state)) problems.add(visit.pointer, "a Map state needs ItemProcessor");
      exclusive("ItemSelector", "Parameters");
      exclusive("ItemsPath", "Items");
      exclusive("MaxConcurrency", "MaxConcurrencyPath");
      exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
      exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
      checkMap(state, visit, problems);
      checkErrorHandling(state, visit, problems);
      break;
    case "Wait": {
      const set = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"].filter((field) => field in state);
      if (set.length !== 1) problems.add(visit.pointer, `a Wait state needs exactly one of Seconds, SecondsPath, Timestamp and TimestampPath (found ${set.length})`);
      if (typeof state.Timestamp === "string" && !state.Timestamp.startsWith("{%") && !RFC3339.test(state.Timestamp)) {
        problems.add(at("Timestamp"), `"${state.Timestamp}" is not an RFC 3339 timestamp`);
      }
      break;
    }
    case "Fail":
      exclusive("Error", "ErrorPath");
      exclusive("Cause", "CausePath");
      break;
    default:
      break;
  }
}

function checkErrorHandling(state: Extract<State, { Type: "Task" | "Parallel" | "Map" }>, visit: StateVisit, problems: Problems): void {
  for (const field of ["Retry", "Catch"] as const) {
    const list = state[field] ?? [];
    list.forEach((handler, index) => {
      const at = pointerOf(visit.pointer, field, index, "ErrorEquals");
      const names = handler.ErrorEquals;
      if (names.includes("States.ALL")) {
        if (names.length > 1) problems.add(at, "States.ALL must appear alone in ErrorEquals");
        if (index !== list.length - 1) problems.add(at, `the ${field === "Retry" ? "retrier" : "catcher"} with States.ALL must be the last one`);
      }
      // States.DataLimitExceeded may be named: Step Functions accepts it and catches an oversized task result with it
      // (recorded: localstack test_states_errors.snapshot.json, test_task_lambda_data_limit_exceeded_on_large_utf8_response).
      // States.Runtime may be named too (Step Functions accepts the definition: localstack test_base_scenarios,
      // test_catch_states_runtime), but never matches: see {@link checkUnmatchableHandlers}.
    });
  }
}

/**
 * Warnings for retriers and catchers naming `States.Runtime`, which Step Functions accepts but which never match:
 * a runtime error is neither retried nor caught.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export function checkUnmatchableHandlers(walk: Walk, warnings: Problems): void {
  for (const visit of walk.states) {
    const state = visit.state;
    if (state === undefined || (state.Type !== "Task" && state.Type !== "Parallel" && state.Type !== "Map")) continue;
    for (const field of ["Retry", "Catch"] as const) {
      (state[field] ?? []).forEach((handler, index) => {
        if (handler.ErrorEquals.includes("States.Runtime")) {
          warnings.add(pointerOf(visit.pointer, field, index, "ErrorEquals"), `States.Runtime is never ${field === "Retry" ? "retried" : "caught"}: this ${field === "Retry" ? "retrier" : "catcher"} does not match runtime errors`);
        }
      });
    }
  }
}

function checkMap(state: Extract<State, { Type: "Map" }>, visit: StateVisit, problems: Problems): void {
  const distributed = state.ItemProcessor?.ProcessorConfig?.Mode === "DISTRIBUTED";
  for (const field of ["ItemReader", "ItemBatcher", "ResultWriter", "Label"] as const) {
    if (!distributed && field in state) problems.add(pointerOf(visit.pointer, field), `${field} needs a Distributed Map (ItemProcessor.ProcessorConfig.Mode "DISTRIBUTED")`);
  }
  const pairs = [
    ["ItemBatcher", state.ItemBatcher, "MaxItemsPerBatch"],
    ["ItemBatcher", state.ItemBatcher, "MaxInputBytesPerBatch"],
    ["ItemReader/ReaderConfig", state.ItemReader?.ReaderConfig, "MaxItems"],
  ] as const;
  for (const [where, object, field] of pairs) {
    if (object !== undefined && field in object && `${field}Path` in object) {
      problems.add(pointerOf(visit.pointer, ...where.split("/"), `${field}Path`), `${field} and ${field}Path cannot both be set`);
    }
  }
  checkMapIo(state, visit, problems);
  const processor = state.ItemProcessor ?? state.Iterator;
  if (processor !== undefined && "QueryLanguage" in processor) {
    problems.add(pointerOf(visit.pointer, state.ItemProcessor === undefined ? "Iterator" : "ItemProcessor", "QueryLanguage"), "an item processor cannot declare QueryLanguage: set it on its states");
  }
  if (state.ItemProcessor?.ProcessorConfig?.ExecutionType !== undefined && !distributed) {
    problems.add(pointerOf(visit.pointer, "ItemProcessor", "ProcessorConfig", "ExecutionType"), "ExecutionType applies to a Distributed Map only");
  }
  if (distributed && state.ItemProcessor?.ProcessorConfig?.ExecutionType === undefined) {
    problems.add(pointerOf(visit.pointer, "ItemProcessor", "ProcessorConfig"), "a Distributed Map needs ExecutionType (STANDARD or EXPRESS)");
  }
}

/** Variable names: identifiers of at most 80 characters; `states` is reserved; no sub-paths. */
export function checkAssign(assign: JsonObject, pointer: string, problems: Problems): void {
  for (const key of Object.keys(assign)) {
    const name = key.endsWith(".$") ? key.slice(0, -2) : key;
    const at = pointerOf(pointer, key);
    if (!VARIABLE_NAME.test(name)) problems.add(at, `"${name}" is not a valid variable name (letters, digits and _; no sub-paths)`);
    else if (name === "states") problems.add(at, "$states is reserved");
    if (name.length > MAX_VARIABLE_NAME_LENGTH) problems.add(at, `variable names are limited to ${MAX_VARIABLE_NAME_LENGTH} characters`);
  }
}
