import { describe, expect, it } from "vitest";
import { checkIntrinsic } from "./check.js";
import { parseIntrinsic } from "./parser.js";

const check = (text: string) => checkIntrinsic(parseIntrinsic(text));

describe("checkIntrinsic", () => {
  it("accepts valid calls, nested calls and path arguments", () => {
    expect(check("States.Format('{} has {} items', $.name, States.ArrayLength($.items))")).toEqual([]);
    expect(check("States.Hash(States.JsonToString($.a), 'SHA-256')")).toEqual([]);
    expect(check("States.ArrayGetItem(States.StringToJson($.s), 0)")).toEqual([]);
  });

  it("reports unknown functions with their position, suggesting a case fix", () => {
    expect(check("States.Array(States.foo())")).toEqual([
      {
        offset: 13,
        end: 25,
        message:
          "Unknown intrinsic function States.foo; the intrinsic functions are States.Format, States.StringToJson, States.JsonToString, States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique, States.Base64Encode, States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, States.MathAdd, States.StringSplit, States.UUID",
      },
    ]);
    expect(check("States.uuid()")).toEqual([
      { offset: 0, end: 13, message: "Unknown intrinsic function States.uuid; did you mean States.UUID? (names are case-sensitive)" },
    ]);
  });

  it("reports wrong argument counts at the call", () => {
    expect(check("States.Array(States.MathAdd(1))")).toEqual([
      { offset: 13, end: 30, message: "States.MathAdd takes 2 arguments, but 1 was given" },
    ]);
  });

  it("reports wrongly typed literals at the argument, all of them", () => {
    expect(check("States.MathAdd('1', true)")).toEqual([
      {
        offset: 15,
        end: 18,
        message: 'States.MathAdd: the first number (argument 1) must be a number, but received string "1"',
      },
      {
        offset: 20,
        end: 24,
        message: "States.MathAdd: the second number (argument 2) must be a number, but received boolean true",
      },
    ]);
  });

  it("reports a nested call whose result type cannot fit its parameter", () => {
    expect(check("States.ArrayPartition(States.Format('x'), 2)")).toEqual([
      {
        offset: 22,
        end: 40,
        message:
          "States.ArrayPartition: the array (argument 1) must be an array, but States.Format returns a string",
      },
    ]);
    expect(check("States.ArrayPartition($.a, States.ArrayLength($.b))")).toEqual([]);
  });

  it("checks arguments of nested calls even when the outer call is wrong", () => {
    expect(check("States.Nope(States.ArrayRange(1, 2, 0))").map((problem) => problem.offset)).toEqual([36, 0]);
  });

  it("checks relations between literal arguments only when they are known", () => {
    expect(check("States.ArrayRange(1, 5000, 1)")).toHaveLength(1);
    expect(check("States.ArrayRange(1, $.end, 1)")).toEqual([]);
    expect(check("States.Format($.template, 1, 2)")).toEqual([]);
  });
});
