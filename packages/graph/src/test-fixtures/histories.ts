/**
 * Hand-built execution histories in the AWS `GetExecutionHistory` shape
 * (ids, `previousEventId` chains per branch, `<camelType>EventDetails`), for
 * tests that must not depend on the engine.
 */
import type { ExecutionRecord, HistoryEventLike } from "../history/events.js";

const start = Date.parse("2026-03-01T10:00:00.000Z");

/** Appends events; each call names the event it follows (default: the last one). */
export class HistoryBuilder {
  readonly events: HistoryEventLike[] = [];
  private clock = start;

  /** Adds an event `ms` after the previous one and returns its id. */
  add(type: string, details?: Record<string, unknown>, options: { after?: number; ms?: number } = {}): number {
    this.clock += options.ms ?? 5;
    const id = this.events.length + 1;
    // AWS puts every state's entered/exited details under one shared key.
    const detailsKey = type.endsWith("StateEntered")
      ? "stateEnteredEventDetails"
      : type.endsWith("StateExited")
        ? "stateExitedEventDetails"
        : `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
    this.events.push({
      id,
      previousEventId: options.after ?? id - 1,
      timestamp: new Date(this.clock),
      type,
      ...(details === undefined ? {} : { [detailsKey]: details }),
    });
    return id;
  }

  record(status: ExecutionRecord["status"], extra: Partial<ExecutionRecord> = {}): ExecutionRecord {
    const last = this.events.at(-1);
    return {
      status,
      history: this.events,
      executionArn: "arn:aws:states:us-east-1:123456789012:execution:test:run-1",
      startDate: new Date(start),
      stopDate: last === undefined ? new Date(start) : new Date(last.timestamp),
      ...extra,
    };
  }
}

const json = (value: unknown): string => JSON.stringify(value);

/** How a Task calls Lambda: a function ARN (`LambdaFunction…` events) or `lambda:invoke` (`Task…` events). */
type LambdaStyle = "function" | "invoke";

function attemptEvents(h: HistoryBuilder, style: LambdaStyle, name: string, input: unknown) {
  const fn = `arn:aws:lambda:us-east-1:123456789012:function:${name.toLowerCase()}`;
  const invoke = { resourceType: "lambda", resource: "invoke" };
  return {
    scheduled: (ms?: number) =>
      style === "function"
        ? h.add("LambdaFunctionScheduled", { resource: fn, input: json(input) }, ms === undefined ? {} : { ms })
        : h.add("TaskScheduled", { ...invoke, region: "us-east-1", parameters: json({ FunctionName: name.toLowerCase(), Payload: input }) }, ms === undefined ? {} : { ms }),
    started: () => (style === "function" ? h.add("LambdaFunctionStarted") : h.add("TaskStarted", invoke)),
    succeeded: (output: unknown) =>
      style === "function"
        ? h.add("LambdaFunctionSucceeded", { output: json(output) }, { ms: 30 })
        : h.add("TaskSucceeded", { ...invoke, output: json({ Payload: output, StatusCode: 200 }) }, { ms: 30 }),
    failed: (error: string, cause: string, ms = 30) =>
      style === "function" ? h.add("LambdaFunctionFailed", { error, cause }, { ms }) : h.add("TaskFailed", { ...invoke, error, cause }, { ms }),
  };
}

/** A Lambda Task visit: entered, N failed attempts, then success or a final failure (exited only when caught). */
function lambdaTask(
  h: HistoryBuilder,
  style: LambdaStyle,
  name: string,
  input: unknown,
  outcome: { output: unknown } | { error: string; cause: string; exit?: unknown },
  failuresFirst = 0,
  after?: number,
): number {
  h.add("TaskStateEntered", { name, input: json(input) }, after === undefined ? {} : { after });
  const events = attemptEvents(h, style, name, input);
  for (let i = 0; i < failuresFirst; i++) {
    events.scheduled();
    events.started();
    events.failed("Lambda.ServiceException", "Rate exceeded", 20);
  }
  events.scheduled(1000 * failuresFirst + 5);
  events.started();
  if ("output" in outcome) {
    events.succeeded(outcome.output);
    return h.add("TaskStateExited", { name, output: json(outcome.output) });
  }
  const failed = events.failed(outcome.error, outcome.cause);
  if (outcome.exit === undefined) return failed;
  return h.add("TaskStateExited", { name, output: json(outcome.exit) });
}

/** The seed workflow succeeding, with one retry of `song`. */
export function seedSucceededAfterRetry(): ExecutionRecord {
  const h = new HistoryBuilder();
  h.add("ExecutionStarted", { input: json({ name: "PSY" }), roleArn: "arn:aws:iam::123456789012:role/test" });
  lambdaTask(h, "function", "song", { name: "PSY" }, { output: { song: "gangnam style" } }, 1);
  lambdaTask(h, "function", "lyrics", { song: "gangnam style" }, { output: { lyrics: "oh oh oh oh oh pan gangnam style" } });
  h.add("ExecutionSucceeded", { output: json({ lyrics: "oh oh oh oh oh pan gangnam style" }) });
  return h.record("SUCCEEDED", { output: { lyrics: "oh oh oh oh oh pan gangnam style" } });
}

/** The seed workflow failing in `lyrics` (no Catch). */
export function seedFailedInLyrics(): ExecutionRecord {
  const h = new HistoryBuilder();
  h.add("ExecutionStarted", { input: json({ name: "PSY" }) });
  lambdaTask(h, "function", "song", { name: "PSY" }, { output: { song: "gangnam style" } });
  const cause = json({ errorType: "InvalidInput", errorMessage: "song: expected string", trace: [] });
  lambdaTask(h, "function", "lyrics", { song: "gangnam style" }, { error: "InvalidInput", cause });
  h.add("ExecutionFailed", { error: "InvalidInput", cause });
  return h.record("FAILED", { error: "InvalidInput", cause });
}

/** image-upload: `ReadImageInfo` throws InvalidImage, the Catch sends it to the `RejectUpload` Fail state. */
export function imageUploadRejected(): ExecutionRecord {
  const h = new HistoryBuilder();
  const input = { bucket: "uploads", key: "notes.txt", sizes: [64, 256] };
  h.add("ExecutionStarted", { input: json(input) });
  lambdaTask(h, "invoke", "ReadImageInfo", input, { error: "InvalidImage", cause: "not an image", exit: { ...input, error: { Error: "InvalidImage", Cause: "not an image" } } });
  h.add("FailStateEntered", { name: "RejectUpload", input: json({ ...input, error: { Error: "InvalidImage", Cause: "not an image" } }) });
  h.add("ExecutionFailed", { error: "UploadRejected", cause: "The file is not a supported image." });
  return h.record("FAILED", { error: "UploadRejected", cause: "The file is not a supported image." });
}

/**
 * image-upload through the Map (two items, the second retried once) and into
 * the Parallel, where `NotifyOwner` fails while `SaveMetadata`'s branch is done.
 */
export function imageUploadFailedInParallel(): ExecutionRecord {
  const h = new HistoryBuilder();
  const input = { bucket: "uploads", key: "cat.png", sizes: [64, 256] };
  h.add("ExecutionStarted", { input: json(input) });
  const withInfo = { ...input, image: { info: { type: "png", width: 800, height: 600 } } };
  lambdaTask(h, "invoke", "ReadImageInfo", input, { output: withInfo });
  h.add("ChoiceStateEntered", { name: "IsSupportedFormat", input: json(withInfo) });
  h.add("ChoiceStateExited", { name: "IsSupportedFormat", output: json(withInfo) });
  h.add("MapStateEntered", { name: "MakeThumbnails", input: json(withInfo) });
  const mapStarted = h.add("MapStateStarted", { length: 2 });
  const it0 = h.add("MapIterationStarted", { name: "MakeThumbnails", index: 0 }, { after: mapStarted });
  const it1 = h.add("MapIterationStarted", { name: "MakeThumbnails", index: 1 }, { after: mapStarted });
  const done0 = lambdaTask(h, "invoke", "ResizeImage", { size: 64 }, { output: { key: "cat-64.png" } }, 0, it0);
  const done1 = lambdaTask(h, "invoke", "ResizeImage", { size: 256 }, { output: { key: "cat-256.png" } }, 1, it1);
  h.add("MapIterationSucceeded", { name: "MakeThumbnails", index: 0 }, { after: done0 });
  const last = h.add("MapIterationSucceeded", { name: "MakeThumbnails", index: 1 }, { after: done1 });
  h.add("MapStateSucceeded", undefined, { after: last });
  const withThumbs = { ...withInfo, thumbnails: [{ key: "cat-64.png" }, { key: "cat-256.png" }] };
  h.add("MapStateExited", { name: "MakeThumbnails", output: json(withThumbs) });
  h.add("ParallelStateEntered", { name: "RecordUpload", input: json(withThumbs) });
  const parallelStarted = h.add("ParallelStateStarted");
  const saved = lambdaTask(h, "invoke", "SaveMetadata", withThumbs, { output: {} }, 0, parallelStarted);
  h.add("WaitStateEntered", { name: "WaitForCdn", input: json(withThumbs) }, { after: parallelStarted });
  h.add("WaitStateExited", { name: "WaitForCdn", output: json(withThumbs) }, { ms: 5000 });
  const notify = lambdaTask(h, "invoke", "NotifyOwner", withThumbs, { error: "States.TaskFailed", cause: "mail server down" });
  h.add("ParallelStateFailed", undefined, { after: Math.max(saved, notify) });
  h.add("ExecutionFailed", { error: "States.TaskFailed", cause: "mail server down" });
  return h.record("FAILED", { error: "States.TaskFailed", cause: "mail server down" });
}
