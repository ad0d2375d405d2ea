import { describe, expect, it } from "vitest";
import { evaluateIntrinsic } from "../evaluate.js";
import { parseIntrinsic } from "../parser.js";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.UUID", () => {
  it("returns a v4 UUID", () => {
    const value = run("States.UUID()");
    expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run("States.UUID()")).not.toBe(value);
  });

  it("uses the injected generator", () => {
    const call = parseIntrinsic("States.UUID()");
    expect(evaluateIntrinsic(call, { resolvePath: () => null, uuid: () => "fixed" })).toBe("fixed");
  });

  it("takes no arguments", () => {
    expect(problems("States.UUID(1)")).toEqual(["States.UUID takes 0 arguments, but 1 was given"]);
    expect(() => failure("States.UUID(1)")).toThrow("States.UUID takes 0 arguments, but 1 was given");
  });
});
