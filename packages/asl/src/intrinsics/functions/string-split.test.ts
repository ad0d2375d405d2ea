import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.StringSplit", () => {
  it("splits the AWS guide example", () => {
    expect(run("States.StringSplit($.inputString, $.splitter)", { inputString: "1,2,3,4,5", splitter: "," })).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
  });

  it("treats every delimiter character as a separator and drops empty pieces", () => {
    expect(run("States.StringSplit($.s, '.+,=')", { s: "This.is+a,test=string" })).toEqual([
      "This",
      "is",
      "a",
      "test",
      "string",
    ]);
    expect(run("States.StringSplit(',,a,,b,', ',')")).toEqual(["a", "b"]);
    expect(run("States.StringSplit('', ',')")).toEqual([]);
    expect(run("States.StringSplit('abc', '')")).toEqual(["abc"]);
  });

  it("splits on escaped reserved characters and on characters outside the BMP", () => {
    expect(run("States.StringSplit('a{b}c', '\\\\{\\\\}')")).toEqual(["a", "b", "c"]);
    expect(run("States.StringSplit($.s, '😀')", { s: "x😀y" })).toEqual(["x", "y"]);
  });

  it("requires two strings", () => {
    expect(problems("States.StringSplit(1, ',')")).toEqual([
      "States.StringSplit: the string (argument 1) must be a string, but received number 1",
    ]);
    expect(failure("States.StringSplit('a', $.d)", { d: [","] })).toContain(
      "the delimiter characters (argument 2) must be a string",
    );
  });
});
