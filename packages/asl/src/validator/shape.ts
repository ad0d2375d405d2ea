/**
 * The shape of each state type, checked with zod: required fields, field
 * types, and no field Step Functions does not know. Choice rules are checked
 * by `choice-rules.ts`; cross-field rules live in the rule modules.
 *
 * @see https://states-language.net/spec.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
import * as z from "zod";
import { pointerOf, type Problems } from "./problems.js";

const json = z.json();
const object = z.record(z.string(), json);
const queryLanguage = z.enum(["JSONPath", "JSONata"]);
const jsonataString = z.string().regex(/^\{%[\s\S]*%\}$/, { error: "must be a JSONata expression {% … %}" });
const count = z.int().min(0);
const countOrJsonata = z.union([count, jsonataString]);

/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html */
const readerConfig = z.strictObject({
  InputType: z.enum(["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"]).optional(),
  CSVHeaderLocation: z.enum(["FIRST_ROW", "GIVEN"]).optional(),
  CSVHeaders: z.array(z.string()).optional(),
  CSVDelimiter: z.enum(["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"]).optional(),
  MaxItems: z.union([z.int().min(0).max(100_000_000), jsonataString]).optional(),
  MaxItemsPath: z.string().optional(),
  ItemsPointer: z.string().optional(),
  ManifestType: z.enum(["ATHENA_DATA", "S3_INVENTORY"]).optional(),
  Transformation: z.enum(["NONE", "LOAD_AND_FLATTEN"]).optional(),
});
/** @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html */
const writerConfig = z.strictObject({
  OutputType: z.enum(["JSON", "JSONL"]).optional(),
  Transformation: z.enum(["NONE", "COMPACT", "FLATTEN"]).optional(),
});

const common = {
  Comment: z.string().optional(),
  QueryLanguage: queryLanguage.optional(),
};
const assign = { Assign: object.optional() };
const transition = { Next: z.string().optional(), End: z.boolean().optional() };
const paths = { InputPath: z.string().nullable().optional(), OutputPath: z.string().nullable().optional() };
const output = { Output: json.optional() };

const retrier = z.strictObject({
  ErrorEquals: z.array(z.string()).min(1, { error: "must name at least one error" }),
  IntervalSeconds: z.int().min(1).max(99_999_999).optional(),
  MaxAttempts: z.int().min(0).max(99_999_999).optional(),
  BackoffRate: z.number().min(1).optional(),
  MaxDelaySeconds: z.int().min(1).max(31_622_401).optional(),
  JitterStrategy: z.enum(["FULL", "NONE"]).optional(),
  Comment: z.string().optional(),
});
const catcher = z.strictObject({
  ErrorEquals: z.array(z.string()).min(1, { error: "must name at least one error" }),
  Next: z.string(),
  ResultPath: z.string().nullable().optional(),
  Output: json.optional(),
  Assign: object.optional(),
  Comment: z.string().optional(),
});
const errorHandling = { Retry: z.array(retrier).optional(), Catch: z.array(catcher).optional() };
const results = { ResultPath: z.string().nullable().optional(), ResultSelector: object.optional() };

/** A nested graph; its states are checked one by one like the top level's. */
const graph = z.looseObject({ StartAt: z.string(), States: z.record(z.string(), z.unknown()) });

const stateShapes = {
  Pass: z.strictObject({
    Type: z.literal("Pass"),
    ...common, ...assign, ...transition, ...paths, ...output,
    Result: json.optional(),
    ResultPath: z.string().nullable().optional(),
    Parameters: object.optional(),
  }),
  Task: z.strictObject({
    Type: z.literal("Task"),
    ...common, ...assign, ...transition, ...paths, ...output, ...results, ...errorHandling,
    Resource: z.string().min(1),
    Parameters: object.optional(),
    Arguments: json.optional(),
    TimeoutSeconds: z.union([z.int().min(1).max(99_999_999), jsonataString]).optional(),
    TimeoutSecondsPath: z.string().optional(),
    HeartbeatSeconds: z.union([z.int().min(1).max(99_999_999), jsonataString]).optional(),
    HeartbeatSecondsPath: z.string().optional(),
    Credentials: object.optional(),
  }),
  Choice: z.strictObject({
    Type: z.literal("Choice"),
    ...common, ...assign, ...paths, ...output,
    Choices: z.array(z.unknown()).min(1, { error: "must have at least one rule" }),
    Default: z.string().optional(),
  }),
  Wait: z.strictObject({
    Type: z.literal("Wait"),
    ...common, ...assign, ...transition, ...paths, ...output,
    // "an integer value from 0 to 99999999": https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
    Seconds: z.union([z.int().min(0).max(99_999_999), jsonataString]).optional(),
    SecondsPath: z.string().optional(),
    Timestamp: z.string().optional(),
    TimestampPath: z.string().optional(),
  }),
  Succeed: z.strictObject({ Type: z.literal("Succeed"), ...common, ...paths, ...output }),
  Fail: z.strictObject({
    Type: z.literal("Fail"),
    ...common,
    Error: z.string().optional(),
    ErrorPath: z.string().optional(),
    Cause: z.string().optional(),
    CausePath: z.string().optional(),
  }),
  Parallel: z.strictObject({
    Type: z.literal("Parallel"),
    ...common, ...assign, ...transition, ...paths, ...output, ...results, ...errorHandling,
    Branches: z.array(graph).min(1, { error: "must have at least one branch" }),
    Parameters: object.optional(),
    Arguments: json.optional(),
  }),
  Map: z.strictObject({
    Type: z.literal("Map"),
    ...common, ...assign, ...transition, ...paths, ...output, ...results, ...errorHandling,
    ItemProcessor: graph
      .extend({
        ProcessorConfig: z
          .strictObject({ Mode: z.enum(["INLINE", "DISTRIBUTED"]).optional(), ExecutionType: z.enum(["STANDARD", "EXPRESS"]).optional() })
          .optional(),
      })
      .optional(),
    Iterator: graph.optional(),
    ItemsPath: z.string().optional(),
    Items: json.optional(),
    // Any JSON value in JSONata (an object or a `{% %}` expression, as in AWS's own ASL schema,
    // aws/amazon-states-language-service map_state.json); JSONPath needs an object (language-rules.ts).
    ItemSelector: json.optional(),
    Parameters: object.optional(),
    MaxConcurrency: countOrJsonata.optional(),
    MaxConcurrencyPath: z.string().optional(),
    ToleratedFailureCount: countOrJsonata.optional(),
    ToleratedFailureCountPath: z.string().optional(),
    ToleratedFailurePercentage: z.union([z.number().min(0).max(100), jsonataString]).optional(),
    ToleratedFailurePercentagePath: z.string().optional(),
    ItemReader: z
      .strictObject({ Resource: z.string(), Parameters: object.optional(), Arguments: json.optional(), ReaderConfig: readerConfig.optional() })
      .optional(),
    ItemBatcher: z
      .strictObject({
        MaxItemsPerBatch: countOrJsonata.optional(),
        MaxItemsPerBatchPath: z.string().optional(),
        MaxInputBytesPerBatch: countOrJsonata.optional(),
        MaxInputBytesPerBatchPath: z.string().optional(),
        BatchInput: json.optional(),
      })
      .optional(),
    ResultWriter: z
      .strictObject({ Resource: z.string().optional(), Parameters: object.optional(), Arguments: json.optional(), WriterConfig: writerConfig.optional() })
      .optional(),
    Label: z.string().max(40, { error: "must be at most 40 characters" }).optional(),
  }),
} as const;

/** The state types. */
export const stateTypes = Object.keys(stateShapes) as (keyof typeof stateShapes)[];

/** The top-level fields of a definition (States are checked one by one). */
const definitionShape = z.strictObject({
  Comment: z.string().optional(),
  StartAt: z.string(),
  States: z.record(z.string(), z.unknown()),
  Version: z.literal("1.0", { error: 'must be "1.0"' }).optional(),
  TimeoutSeconds: z.int().min(0).max(99_999_999).optional(),
  QueryLanguage: queryLanguage.optional(),
});

/** Checks the top-level fields; `true` when `States` and `StartAt` can be walked. */
export function checkDefinitionShape(value: unknown, problems: Problems): boolean {
  const result = definitionShape.safeParse(value);
  if (!result.success) report(result.error.issues, value, "", "the definition", problems);
  const record = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  return record !== undefined && typeof record.States === "object" && record.States !== null && !Array.isArray(record.States);
}

/** Checks one state's shape; `true` when it matches its type's schema. */
export function checkStateShape(state: unknown, pointer: string, problems: Problems): boolean {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    problems.add(pointer, "a state must be an object");
    return false;
  }
  const type = (state as Record<string, unknown>).Type;
  const shape = typeof type === "string" && Object.hasOwn(stateShapes, type) ? stateShapes[type as keyof typeof stateShapes] : undefined;
  if (shape === undefined) {
    problems.add(pointerOf(pointer, "Type"), `Type must be one of ${stateTypes.join(", ")}`);
    return false;
  }
  const result = shape.safeParse(state);
  if (!result.success) report(result.error.issues, state, pointer, `a ${String(type)} state`, problems);
  return result.success;
}

function report(issues: readonly z.core.$ZodIssue[], root: unknown, base: string, where: string, problems: Problems): void {
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const at = pointerOf(base, ...path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.add(pointerOf(at, key), `field "${key}" is not allowed in ${where}`);
    } else if (issue.code === "invalid_type") {
      problems.add(at, valueAt(root, path) === undefined ? "is required" : `must be ${article(issue.expected)}`);
    } else {
      problems.add(at, issue.message);
    }
  }
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const step of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
