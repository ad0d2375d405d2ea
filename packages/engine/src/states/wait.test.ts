import type { JsonObject } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../runtime/clock.js";
import { machine, run, runState } from "../testing/helpers.js";

const start = Date.parse("2024-01-01T00:00:00Z");

describe("Wait", () => {
  it.each<[string, Record<string, unknown>, JsonObject, number]>([
    ["Seconds", { Seconds: 10 }, {}, 10_000],
    ["SecondsPath", { SecondsPath: "$.s" }, { s: 30 }, 30_000],
    ["Timestamp", { Timestamp: "2024-01-01T01:00:00Z" }, {}, 3_600_000],
    ["TimestampPath", { TimestampPath: "$.t" }, { t: "2024-01-01T00:00:05Z" }, 5_000],
    ["a Timestamp in the past", { Timestamp: "2023-01-01T00:00:00Z" }, {}, 0],
  ])("%s advances the virtual clock without sleeping", async (_label, fields, input, waited) => {
    const clock = new VirtualClock(start);
    const began = Date.now();
    const result = await runState({ Type: "Wait", ...fields, End: true }, input, { clock });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual(input);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(waited);
    expect(Date.now() - began).toBeLessThan(1000);
  });

  it("overlaps waits of parallel branches as real time would", async () => {
    const clock = new VirtualClock(start);
    const branch = (seconds: number) => ({ StartAt: `W${seconds}`, States: { [`W${seconds}`]: { Type: "Wait", Seconds: seconds, End: true } } });
    const result = await run(machine({ P: { Type: "Parallel", Branches: [branch(10), branch(20), branch(5)], End: true } }), {}, { clock });
    expect(result.stopDate.getTime() - start).toBe(20_000);
  });

  it("fails with States.Runtime for a bad SecondsPath value", async () => {
    const result = await runState({ Type: "Wait", SecondsPath: "$.s", End: true }, { s: "ten" });
    expect(result.error).toBe("States.Runtime");
  });

  // Recorded against Step Functions: localstack test_base_scenarios.snapshot.json (test_wait_timestamp_path[*]).
  it.each(["2016-12-05 21:29:29Z", "2016-12-05T21:29:29", "2016-13-05T21:29:29Z", "2016-12-05T25:29:29Z", "05-12-2016T21:29:29Z"])(
    "fails with States.Runtime and the AWS cause when TimestampPath selects %s",
    async (value) => {
      const result = await run(machine({ WaitUntil: { Type: "Wait", TimestampPath: "$.TimestampValue", End: true } }), { TimestampValue: value });
      expect(result.error).toBe("States.Runtime");
      expect(result.cause).toBe(
        `An error occurred while executing the state 'WaitUntil' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.TimestampValue == ${value}`,
      );
    },
  );

  it("needs exactly one of the four fields", async () => {
    await expect(runState({ Type: "Wait", Seconds: 1, SecondsPath: "$.s", End: true }, {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
    await expect(runState({ Type: "Wait", End: true }, {})).rejects.toMatchObject({ name: "States.InvalidDefinition" });
  });

  it("waits in real time with the real clock", async () => {
    const began = Date.now();
    const result = await runState({ Type: "Wait", Seconds: 1, End: true }, {}, { clock: "real" });
    expect(result.status).toBe("SUCCEEDED");
    expect(Date.now() - began).toBeGreaterThanOrEqual(990);
  });
});
