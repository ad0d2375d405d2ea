import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { evaluateIntrinsic, parseIntrinsic } from "../intrinsics/index.js";
import type { JsonValue } from "../model/index.js";
import { compilePath } from "../paths/index.js";
import type { Expr } from "./expr.js";
import { intrinsic } from "./intrinsic.js";
import { type PathProxy, pathProxy } from "./path-proxy.js";
import { renderExpr } from "./render-expr.js";

const Input = z.object({ name: z.string(), n: z.number(), list: z.array(z.number()), obj: z.object({ a: z.number() }), other: z.object({ b: z.number() }) });
const $ = pathProxy<z.output<typeof Input>>("input", Input) as PathProxy<z.output<typeof Input>>;
const input: JsonValue = { name: "PSY", n: 2, list: [3, 1, 3, 2], obj: { a: 1 }, other: { b: 2 } };

const jsonPath = (expr: Expr<unknown>) => renderExpr(expr, { language: "JSONPath", field: "test", roots: { input: "$" } });
const jsonataText = (expr: Expr<unknown>) => renderExpr(expr, { language: "JSONata", field: "test", roots: { input: "$states.input" } });

/** Runs the JSONPath rendering with the intrinsics evaluator. */
function runJsonPath(expr: Expr<unknown>): JsonValue {
  return evaluateIntrinsic(parseIntrinsic(jsonPath(expr)), {
    resolvePath: (path) => {
      const value = compilePath(path).select(input);
      if (value === undefined) throw new Error(`test path ${path} matched nothing`);
      return value;
    },
  });
}

/** Runs the JSONata rendering with the jsonata library. */
async function runJsonata(expr: Expr<unknown>): Promise<unknown> {
  return jsonata(jsonataText(expr)).evaluate({}, { states: { input } });
}

describe("intrinsic calls", () => {
  const cases: readonly [string, Expr<unknown>, string, JsonValue][] = [
    ["format", intrinsic.format("Hi {}, n={} {x}", $.name, $.n), "States.Format('Hi {}, n={} \\{x\\}', $.name, $.n)", "Hi PSY, n=2 {x}"],
    ["format with a quote", intrinsic.format("it's {}", $.name), "States.Format('it\\'s {}', $.name)", "it's PSY"],
    ["jsonToString", intrinsic.jsonToString($.obj), "States.JsonToString($.obj)", '{"a":1}'],
    ["array", intrinsic.array($.name, 1, true, null), "States.Array($.name, 1, true, null)", ["PSY", 1, true, null]],
    ["arrayContains", intrinsic.arrayContains($.list, 2), "States.ArrayContains($.list, 2)", true],
    ["arrayGetItem", intrinsic.arrayGetItem($.list, 1), "States.ArrayGetItem($.list, 1)", 1],
    ["arrayLength", intrinsic.arrayLength($.list), "States.ArrayLength($.list)", 4],
    ["arrayUnique", intrinsic.arrayUnique($.list), "States.ArrayUnique($.list)", [3, 1, 2]],
    ["base64Encode", intrinsic.base64Encode($.name), "States.Base64Encode($.name)", "UFNZ"],
    ["base64Decode", intrinsic.base64Decode("UFNZ"), "States.Base64Decode('UFNZ')", "PSY"],
    ["jsonMerge", intrinsic.jsonMerge($.obj, $.other), "States.JsonMerge($.obj, $.other, false)", { a: 1, b: 2 }],
    ["mathAdd", intrinsic.mathAdd($.n, intrinsic.arrayLength($.list)), "States.MathAdd($.n, States.ArrayLength($.list))", 6],
  ];

  it.each(cases)("%s renders as JSONPath and evaluates", (_name, expr, text, value) => {
    expect(jsonPath(expr)).toBe(text);
    expect(runJsonPath(expr)).toEqual(value);
  });

  it.each(cases)("%s renders as JSONata with the same value", async (_name, expr, _text, value) => {
    expect(await runJsonata(expr)).toEqual(value);
  });

  it("renders the calls that only AWS's JSONata has", () => {
    expect(jsonataText(intrinsic.uuid())).toBe("$uuid()");
    expect(jsonataText(intrinsic.hash($.name, "SHA-256"))).toBe('$hash($states.input.name, "SHA-256")');
    expect(jsonataText(intrinsic.arrayPartition($.list, 2))).toBe("$partition($states.input.list, 2)");
    expect(jsonataText(intrinsic.arrayRange(1, 9, 2))).toBe("$range(1, 9, 2)");
    expect(jsonataText(intrinsic.stringToJson($.name))).toBe("$parse($states.input.name)");
  });

  it("refuses calls without a JSONata equivalent", () => {
    expect(() => jsonataText(intrinsic.mathRandom(1, 10))).toThrow("States.MathRandom has no JSONata equivalent");
    expect(() => jsonataText(intrinsic.stringSplit($.name, ","))).toThrow("States.StringSplit has no JSONata equivalent");
    expect(jsonPath(intrinsic.mathRandom(1, 10, $.n))).toBe("States.MathRandom(1, 10, $.n)");
    expect(jsonPath(intrinsic.stringSplit($.name, ","))).toBe("States.StringSplit($.name, ',')");
  });
});
