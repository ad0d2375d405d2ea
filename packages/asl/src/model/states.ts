/**
 * The Amazon States Language as TypeScript types: one discriminated union on
 * `Type`, covering both query languages. Builder, validator and engine share it.
 *
 * @see https://states-language.net/spec.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
import type { JsonObject, JsonValue } from "./json.js";
import type { ChoiceRule } from "./choice.js";

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html */
export type QueryLanguage = "JSONPath" | "JSONata";

/** A JSONata expression string, `{% … %}`. */
export type JsonataExpression = `{%${string}%}`;

/** Fields every state may carry. */
export interface StateCommon {
  Comment?: string;
  /** Overrides the machine's query language for this state. */
  QueryLanguage?: QueryLanguage;
  /** Workflow variables to set (both query languages). */
  Assign?: JsonObject;
}

/** A state that moves on: exactly one of `Next` and `End`. */
export type Transition = { Next: string; End?: never } | { End: true; Next?: never };

/** JSONPath-mode input and output filters. */
export interface PathFilters {
  InputPath?: string | null;
  OutputPath?: string | null;
}

/** JSONata-mode output. */
export interface JsonataOutput {
  Output?: JsonValue;
}

/** @see https://states-language.net/spec.html#retrying-after-error */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: "FULL" | "NONE";
  Comment?: string;
}

/** @see https://states-language.net/spec.html#fallback-states */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: JsonObject;
  Comment?: string;
}

/** Error handling shared by Task, Parallel and Map. */
export interface ErrorHandling {
  Retry?: Retrier[];
  Catch?: Catcher[];
}

/** Result handling shared by Task, Parallel and Map in JSONPath mode. */
export interface ResultHandling {
  ResultPath?: string | null;
  ResultSelector?: JsonObject;
}

/** @see https://states-language.net/spec.html#pass-state */
export type PassState = StateCommon &
  PathFilters &
  JsonataOutput &
  Transition & {
    Type: "Pass";
    Result?: JsonValue;
    ResultPath?: string | null;
    Parameters?: JsonObject;
  };

/** @see https://states-language.net/spec.html#task-state */
export type TaskState = StateCommon &
  PathFilters &
  JsonataOutput &
  ResultHandling &
  ErrorHandling &
  Transition & {
    Type: "Task";
    Resource: string;
    Parameters?: JsonObject;
    Arguments?: JsonValue;
    TimeoutSeconds?: number | JsonataExpression;
    TimeoutSecondsPath?: string;
    HeartbeatSeconds?: number | JsonataExpression;
    HeartbeatSecondsPath?: string;
    Credentials?: JsonObject;
  };

/** @see https://states-language.net/spec.html#choice-state */
export type ChoiceState = StateCommon &
  PathFilters &
  JsonataOutput & {
    Type: "Choice";
    Choices: ChoiceRule[];
    Default?: string;
  };

/** @see https://states-language.net/spec.html#wait-state */
export type WaitState = StateCommon &
  PathFilters &
  JsonataOutput &
  Transition & {
    Type: "Wait";
    Seconds?: number | JsonataExpression;
    SecondsPath?: string;
    Timestamp?: string;
    TimestampPath?: string;
  };

/** @see https://states-language.net/spec.html#succeed-state */
export type SucceedState = StateCommon &
  PathFilters &
  JsonataOutput & {
    Type: "Succeed";
  };

/** @see https://states-language.net/spec.html#fail-state */
export type FailState = Omit<StateCommon, "Assign"> & {
  Type: "Fail";
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
};

/** A nested state graph: a Parallel branch or a Map's item processor. */
export interface StateGraph {
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  StartAt: string;
  States: Record<string, State>;
}

/** @see https://states-language.net/spec.html#parallel-state */
export type ParallelState = StateCommon &
  PathFilters &
  JsonataOutput &
  ResultHandling &
  ErrorHandling &
  Transition & {
    Type: "Parallel";
    Branches: StateGraph[];
    Parameters?: JsonObject;
    Arguments?: JsonValue;
  };

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html */
export interface ItemProcessor extends StateGraph {
  ProcessorConfig?: {
    Mode?: "INLINE" | "DISTRIBUTED";
    ExecutionType?: "STANDARD" | "EXPRESS";
  };
}

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html */
export interface ItemBatcher {
  MaxItemsPerBatch?: number;
  MaxItemsPerBatchPath?: string;
  MaxInputBytesPerBatch?: number;
  MaxInputBytesPerBatchPath?: string;
  BatchInput?: JsonObject;
}

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html */
export interface ItemReader {
  Resource: string;
  Parameters?: JsonObject;
  Arguments?: JsonValue;
  ReaderConfig?: JsonObject;
}

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html */
export interface ResultWriter {
  Resource?: string;
  Parameters?: JsonObject;
  Arguments?: JsonValue;
  WriterConfig?: JsonObject;
}

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html */
export type MapState = StateCommon &
  PathFilters &
  JsonataOutput &
  ResultHandling &
  ErrorHandling &
  Transition & {
    Type: "Map";
    ItemProcessor?: ItemProcessor;
    /** Legacy name of `ItemProcessor` (inline only). */
    Iterator?: StateGraph;
    ItemsPath?: string;
    /** JSONata: the items, an array or an expression. */
    Items?: JsonValue;
    /** An object of key-value pairs; in JSONata also any value or a `{% %}` expression. */
    ItemSelector?: JsonValue;
    /** Legacy name of `ItemSelector`. */
    Parameters?: JsonObject;
    MaxConcurrency?: number | JsonataExpression;
    MaxConcurrencyPath?: string;
    ToleratedFailureCount?: number | JsonataExpression;
    ToleratedFailureCountPath?: string;
    ToleratedFailurePercentage?: number | JsonataExpression;
    ToleratedFailurePercentagePath?: string;
    ItemReader?: ItemReader;
    ItemBatcher?: ItemBatcher;
    ResultWriter?: ResultWriter;
    Label?: string;
  };

/** Any state. Switch on `Type` to narrow. */
export type State =
  | PassState
  | TaskState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;

/** The name of a state type. */
export type StateType = State["Type"];

/** The state of a given type. */
export type StateOfType<T extends StateType> = Extract<State, { Type: T }>;

/** A whole state machine definition. @see https://states-language.net/spec.html#toplevelfields */
export interface StateMachineDefinition extends StateGraph {
  Version?: string;
  TimeoutSeconds?: number;
}
