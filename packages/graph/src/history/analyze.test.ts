import { describe, expect, test } from "vitest";
import {
  HistoryBuilder,
  imageUploadFailedInParallel,
  imageUploadRejected,
  seedFailedInLyrics,
  seedSucceededAfterRetry,
} from "../test-fixtures/histories.js";
import { analyzeExecution } from "./analyze.js";
import { statusesOf } from "./summary.js";

describe("analyzeExecution", () => {
  test("a retried task that then succeeded: two attempts, one retry, status retried", () => {
    const view = analyzeExecution(seedSucceededAfterRetry());
    expect(view.status).toBe("SUCCEEDED");
    expect(view.input).toBe('{"name":"PSY"}');
    expect(view.output).toBe('{"lyrics":"oh oh oh oh oh pan gangnam style"}');
    expect(statusesOf(view.states)).toEqual({ song: "retried", lyrics: "succeeded" });
    const song = view.visits[0];
    expect(song?.name).toBe("song");
    expect(song?.retries).toBe(1);
    expect(song?.attempts.map((a) => a.outcome)).toEqual(["failed", "succeeded"]);
    expect(song?.attempts[0]?.error).toBe("Lambda.ServiceException");
    expect(song?.attempts[1]?.input).toBe('{"name":"PSY"}');
    expect(song?.attempts[1]?.resource).toBe("arn:aws:lambda:us-east-1:123456789012:function:song");
    expect(song?.input).toBe('{"name":"PSY"}');
    expect(song?.output).toBe('{"song":"gangnam style"}');
    expect(song?.durationMs).toBe((song?.exitedMs ?? 0) - (song?.enteredMs ?? 0));
    expect(song?.durationMs).toBeGreaterThan(1000);
    expect(view.durationMs).toBeGreaterThan(0);
  });

  test("a failed task keeps its error and input; the execution error is kept too", () => {
    const view = analyzeExecution(seedFailedInLyrics());
    expect(view.status).toBe("FAILED");
    expect(statusesOf(view.states)).toEqual({ song: "succeeded", lyrics: "failed" });
    const lyrics = view.visits[1];
    expect(lyrics?.outcome).toBe("failed");
    expect(lyrics?.error).toBe("InvalidInput");
    expect(lyrics?.cause).toContain("song: expected string");
    expect(lyrics?.input).toBe('{"song":"gangnam style"}');
    expect(lyrics?.exitedMs).toBeUndefined();
    expect(view.error).toBe("InvalidInput");
  });

  test("a caught error marks the state caught and the Fail state failed with the execution error", () => {
    const view = analyzeExecution(imageUploadRejected());
    expect(statusesOf(view.states)).toEqual({ ReadImageInfo: "caught", RejectUpload: "failed" });
    expect(view.visits[0]?.error).toBe("InvalidImage");
    expect(view.visits[1]?.error).toBe("UploadRejected");
    expect(view.visits[1]?.cause).toBe("The file is not a supported image.");
  });

  test("Map items and Parallel branches: items numbered, retries counted, failure goes up to the Parallel", () => {
    const view = analyzeExecution(imageUploadFailedInParallel());
    expect(statusesOf(view.states)).toEqual({
      ReadImageInfo: "succeeded",
      IsSupportedFormat: "succeeded",
      MakeThumbnails: "succeeded",
      ResizeImage: "retried",
      RecordUpload: "failed",
      SaveMetadata: "succeeded",
      WaitForCdn: "succeeded",
      NotifyOwner: "failed",
    });
    const resize = view.visits.filter((v) => v.name === "ResizeImage");
    expect(resize.map((v) => v.mapItem)).toEqual([0, 1]);
    expect(resize.map((v) => v.retries)).toEqual([0, 1]);
    const map = view.visits.find((v) => v.name === "MakeThumbnails");
    expect(resize.every((v) => v.parent === map?.index)).toBe(true);
    const parallel = view.visits.find((v) => v.name === "RecordUpload");
    const notify = view.visits.find((v) => v.name === "NotifyOwner");
    expect(notify?.parent).toBe(parallel?.index);
    expect(view.visits.find((v) => v.name === "WaitForCdn")?.parent).toBe(parallel?.index);
    expect(parallel?.outcome).toBe("failed");
    expect(parallel?.error).toBe("States.TaskFailed");
    expect(view.states.ResizeImage?.retries).toBe(1);
  });

  test("ties every state event to its visit and lists all events with offsets", () => {
    const record = imageUploadFailedInParallel();
    const view = analyzeExecution(record);
    expect(view.events).toHaveLength(record.history.length);
    const scheduled = view.events.filter((e) => e.type === "TaskScheduled");
    expect(scheduled.every((e) => e.stateName !== undefined)).toBe(true);
    expect(view.events[0]?.offsetMs).toBe(5);
    expect(view.events.find((e) => e.type === "ExecutionFailed")?.stateName).toBeUndefined();
  });

  test("an aborted execution leaves its open state aborted; a running one leaves it running", () => {
    const h = new HistoryBuilder();
    h.add("ExecutionStarted", { input: "{}" });
    h.add("WaitStateEntered", { name: "Pause", input: "{}" });
    expect(analyzeExecution(h.record("RUNNING")).states.Pause?.status).toBe("running");
    h.add("ExecutionAborted", { error: "Stopped", cause: "by user" });
    const view = analyzeExecution(h.record("ABORTED"));
    expect(view.status).toBe("ABORTED");
    expect(view.states.Pause?.status).toBe("aborted");
  });

  test("falls back to names when previousEventId is missing", () => {
    const events = seedFailedInLyrics().history.map(({ previousEventId: _drop, ...event }) => event);
    const view = analyzeExecution({ status: "FAILED", history: events });
    expect(statusesOf(view.states)).toEqual({ song: "succeeded", lyrics: "failed" });
    expect(view.visits[1]?.error).toBe("InvalidInput");
  });

  test("accepts timestamps that went through JSON", () => {
    const record = seedSucceededAfterRetry();
    const parsed = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(analyzeExecution(parsed).visits[0]?.durationMs).toBe(analyzeExecution(record).visits[0]?.durationMs);
  });
});
