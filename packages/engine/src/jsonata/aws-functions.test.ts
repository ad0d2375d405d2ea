import { describe, expect, it } from "vitest";
import { hash, parse, partition, range } from "./aws-functions.js";
import { evaluateJsonata, type JsonataBindings, type JsonataEvaluationOptions } from "./evaluate.js";

const bindings: JsonataBindings = { states: { input: { content: "input data", seed: 7 }, context: {} } };
const run = (text: string, options?: JsonataEvaluationOptions) => evaluateJsonata(text, bindings, options);

describe("$partition", () => {
  it("chunks the AWS example", async () => {
    expect(await run("{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}")).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(await run("{% $partition([1, 2, 3, 4, 5], 2) %}")).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("truncates the size and gives undefined for a size below 1 or an empty array", () => {
    expect(partition([1, 2, 3, 4, 5], 2.9)).toEqual([[1, 2], [3, 4], [5]]);
    expect(partition([1, 2], 0)).toBeUndefined();
    expect(partition([], 2)).toBeUndefined();
  });

  it("fails the field when the result is undefined", async () => {
    await expect(run("{% $partition([1, 2], 0) %}", { field: "Output" })).rejects.toMatchObject({
      name: "States.QueryEvaluationError",
      message: "The JSONata expression '$partition([1, 2], 0)' specified for the field 'Output' returned nothing (undefined).",
    });
  });

  it("rejects a non-number size with jsonata's signature error", async () => {
    await expect(run("{% $partition([1], 'a') %}")).rejects.toMatchObject({ code: "T0410" });
  });
});

describe("$range", () => {
  it("builds the AWS example, end included", async () => {
    expect(await run("{% $range(0, 10, 2) %}")).toEqual([0, 2, 4, 6, 8, 10]);
    expect(await run("{% $range(1, 10, 4) %}")).toEqual([1, 5, 9]);
  });

  it("counts down with a negative step", async () => {
    expect(await run("{% $range(10, 0, -5) %}")).toEqual([10, 5, 0]);
  });

  it("returns a single value bare and truncates non-integers", () => {
    expect(range(3, 3, 1, 100)).toBe(3);
    expect(range(-1.7, 2, 1, 100)).toEqual([-1, 0, 1, 2]);
  });

  it("gives undefined without a step, for a zero step, or a step pointing away from the end", () => {
    expect(range(1, 5, undefined, 100)).toBeUndefined();
    expect(range(1, 5, 0, 100)).toBeUndefined();
    expect(range(1, 5, -1, 100)).toBeUndefined();
  });

  it("refuses more items than the sequence limit", async () => {
    expect(() => range(1, 11, 1, 10)).toThrow("$range would create 11 items, more than the limit of 10");
    await expect(run("{% $range(1, 11, 1) %}", { field: "Output", limits: { maxSequence: 10 } })).rejects.toMatchObject({
      name: "States.QueryEvaluationError",
      code: "D2015",
      message:
        "The JSONata expression '$range(1, 11, 1)' specified for the field 'Output' threw an error during evaluation: The maximum sequence length of 10 was exceeded.",
    });
  });
});

describe("$hash", () => {
  it("hashes with the five algorithms", async () => {
    expect(await run("{% $hash($states.input.content, 'SHA-1') %}")).toBe("aaff4a450a104cd177d28d18d74485e8cae074b7");
    expect(await run("{% $hash('input data', 'MD5') %}")).toBe("812f45842bc6d66ee14572ce20db8e86");
    expect(await run("{% $hash('input data', 'SHA-256') %}")).toBe(
      "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
    );
    expect(hash("input data", "SHA-384")).toHaveLength(96);
    expect(hash("input data", "SHA-512")).toHaveLength(128);
  });

  it("gives undefined without an algorithm and fails on an unknown or miscased one", async () => {
    expect(hash("x", undefined)).toBeUndefined();
    await expect(run("{% $hash('x', 'sha-256') %}")).rejects.toThrow(
      "$hash does not support the algorithm 'sha-256' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)",
    );
  });
});

describe("$random", () => {
  it("draws from the injected generator without a seed", async () => {
    expect(await run("{% $random() %}", { random: () => 0.25 })).toBe(0.25);
  });

  it("is reproducible with a seed, and the seed is truncated", async () => {
    const first = await run("{% $random($states.input.seed) %}");
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
    expect(await run("{% $random(7) %}", { random: () => 0.9 })).toBe(first);
    expect(await run("{% $random(7.8) %}")).toBe(first);
    expect(await run("{% $random(8) %}")).not.toBe(first);
  });
});

describe("$uuid", () => {
  it("returns a v4 UUID, or the injected one", async () => {
    expect(await run("{% $uuid() %}")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await run("{% $uuid() %}", { uuid: () => "id-1" })).toBe("id-1");
  });
});

describe("$parse", () => {
  it("parses JSON text, the replacement for $eval", async () => {
    expect(await run(`{% $parse('{"a": [1, true, null]}') %}`)).toEqual({ a: [1, true, null] });
    expect(parse("2")).toBe(2);
  });

  it("fails on text that is not JSON", async () => {
    await expect(run("{% $parse('{a') %}", { field: "Assign/x" })).rejects.toThrow(
      /^The JSONata expression '\$parse\('\{a'\)' specified for the field 'Assign\/x' threw an error during evaluation: \$parse was given a string that is not valid JSON \(/,
    );
  });
});

describe("$eval", () => {
  it("is not available, as in Step Functions", async () => {
    await expect(run("{% $eval('1 + 1') %}")).rejects.toMatchObject({
      name: "States.QueryEvaluationError",
      code: "T1006",
    });
    await expect(run("{% ( $f := $eval; $f('1') ) %}")).rejects.toMatchObject({ code: "T1006" });
  });
});

describe("$now and $millis", () => {
  it("read the injected clock, once per evaluation", async () => {
    const clock = () => new Date("2024-11-22T10:30:00.000Z");
    expect(await run("{% $now() %}", { now: clock })).toBe("2024-11-22T10:30:00.000Z");
    expect(await run("{% $millis() %}", { now: clock })).toBe(Date.parse("2024-11-22T10:30:00.000Z"));
    expect(await run("{% $now('[Y0001]-[M01]-[D01]', '+0100') %}", { now: clock })).toBe("2024-11-22");
    let calls = 0;
    const ticking = () => new Date(1000 * ++calls);
    expect(await run("{% $millis() = $millis() %}", { now: ticking })).toBe(true);
  });
});
