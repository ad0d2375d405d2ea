import { describe, expect, it } from "vitest";
import type { JsonValue } from "../model/json.js";
import { IntrinsicFailure, InvalidIntrinsicCall } from "./errors.js";
import { evaluateIntrinsic } from "./evaluate.js";
import { parseIntrinsic } from "./parser.js";

describe("evaluateIntrinsic", () => {
  it("evaluates the nine-call example from the AWS guide", () => {
    // As printed in the guide the template has three placeholders for two values, which the
    // placeholder rule refuses; with two placeholders it yields the recipe's major.minor version.
    const printed =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
    const arn = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.3";
    const resolved: string[] = [];
    const runtime = {
      resolvePath(path: string) {
        resolved.push(path);
        return arn;
      },
    };
    expect(() => evaluateIntrinsic(parseIntrinsic(printed), runtime)).toThrow(
      "Invalid arguments in States.Format: the template has 3 {} placeholders but 2 values were given",
    );
    resolved.length = 0;
    expect(evaluateIntrinsic(parseIntrinsic(printed.replace("'{}.{}.{}'", "'{}.{}'")), runtime)).toBe("1.0");
    expect(resolved).toEqual(["$.ImageRecipe.Arn", "$.ImageRecipe.Arn"]);
  });

  it("hands every kind of path to the resolver as written", () => {
    const values: Record<string, JsonValue> = {
      "$$.Execution.Id": "arn:exec",
      $counter: 3,
      "$['a b']": "spaced",
      "$.list[1]": "second",
    };
    const result = evaluateIntrinsic(parseIntrinsic("States.Array($$.Execution.Id, $counter, $['a b'], $.list[1])"), {
      resolvePath: (path) => values[path] ?? null,
    });
    expect(result).toEqual(["arn:exec", 3, "spaced", "second"]);
  });

  it("lets the resolver's errors through unchanged", () => {
    class PathFailure extends Error {
      override readonly name = "States.Runtime";
    }
    const call = parseIntrinsic("States.Array($.missing)");
    expect(() =>
      evaluateIntrinsic(call, {
        resolvePath: () => {
          throw new PathFailure("no $.missing");
        },
      }),
    ).toThrow(PathFailure);
  });

  it("raises States.IntrinsicFailure for values a function cannot use", () => {
    const call = parseIntrinsic("States.ArrayLength($.a)");
    expect(() => evaluateIntrinsic(call, { resolvePath: () => "text" })).toThrow(IntrinsicFailure);
    try {
      evaluateIntrinsic(call, { resolvePath: () => "text" });
    } catch (error) {
      expect(error).toMatchObject({ name: "States.IntrinsicFailure" });
    }
  });

  it("raises States.Runtime for an unknown function or a wrong argument count", () => {
    const unknown = parseIntrinsic("States.Array(States.Nope())");
    expect(() => evaluateIntrinsic(unknown, { resolvePath: () => null })).toThrow(InvalidIntrinsicCall);
    expect(() => evaluateIntrinsic(unknown, { resolvePath: () => null })).toThrow("Unknown intrinsic function States.Nope");
    const arity = parseIntrinsic("States.UUID(1)");
    expect(() => evaluateIntrinsic(arity, { resolvePath: () => null })).toThrow(
      expect.objectContaining({ name: "States.Runtime", offset: 0 }),
    );
  });

  it("evaluates arguments left to right, innermost first", () => {
    const order: string[] = [];
    evaluateIntrinsic(parseIntrinsic("States.Array($.a, States.Array($.b), $.c)"), {
      resolvePath: (path) => {
        order.push(path);
        return null;
      },
    });
    expect(order).toEqual(["$.a", "$.b", "$.c"]);
  });
});
