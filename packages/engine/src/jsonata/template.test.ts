import { describe, expect, it } from "vitest";
import type { JsonataBindings } from "./evaluate.js";
import { evaluateTemplate, hasJsonataExpressions } from "./template.js";

const bindings: JsonataBindings = {
  states: { input: { title: "Doctor", list: [1, 2] }, context: {} },
  variables: { customerName: "María" },
};

describe("evaluateTemplate", () => {
  it("converts the AWS JSONPath-to-JSONata example", async () => {
    const args = {
      static: "Hello",
      title: "{% $states.input.title %}",
      name: "{% $customerName %}",
      "not-evaluated": "$customerName",
    };
    expect(await evaluateTemplate(args, bindings, { field: "Arguments" })).toEqual({
      static: "Hello",
      title: "Doctor",
      name: "María",
      "not-evaluated": "$customerName",
    });
  });

  it("evaluates strings at any depth and leaves other values alone", async () => {
    const template = {
      a: [1, "{% $states.input.list[1] %}", { b: "{% $count($states.input.list) %}" }, null, true],
      c: { d: { e: "{% {'x': $states.input.title} %}" } },
      f: "{% not quite",
      g: " {% $states.input.title %}",
    };
    expect(await evaluateTemplate(template, bindings)).toEqual({
      a: [1, 2, { b: 2 }, null, true],
      c: { d: { e: { x: "Doctor" } } },
      f: "{% not quite",
      g: " {% $states.input.title %}",
    });
  });

  it("evaluates a whole-field expression and passes plain values through", async () => {
    expect(await evaluateTemplate("{% $states.input.list %}", bindings, { field: "Items" })).toEqual([1, 2]);
    expect(await evaluateTemplate(42, bindings)).toBe(42);
    expect(await evaluateTemplate("plain", bindings)).toBe("plain");
  });

  it("names the failing field with / before keys and [i] for indices", async () => {
    await expect(
      evaluateTemplate({ Input: { pushLocation: "{% $states.input.pushLocation %}" } }, bindings, { field: "Arguments" }),
    ).rejects.toThrow(
      "The JSONata expression '$states.input.pushLocation' specified for the field 'Arguments/Input/pushLocation' returned nothing (undefined).",
    );
    await expect(evaluateTemplate({ a: { b: [0, "{% $nope %}"] } }, bindings, { field: "Output" })).rejects.toMatchObject({
      field: "Output/a/b[1]",
    });
    await expect(evaluateTemplate({ x: "{% $nope %}" }, bindings)).rejects.toMatchObject({ field: "x" });
  });

  it("evaluates in document order and does not modify the template", async () => {
    const template = { first: "{% $uuid() %}", second: ["{% $uuid() %}"] };
    const copy = structuredClone(template);
    let next = 0;
    const result = await evaluateTemplate(template, bindings, { uuid: () => `id-${++next}` });
    expect(result).toEqual({ first: "id-1", second: ["id-2"] });
    expect(template).toEqual(copy);
  });
});

describe("hasJsonataExpressions", () => {
  it("finds expressions at any depth", () => {
    expect(hasJsonataExpressions({ a: [{ b: "{% 1 %}" }] })).toBe(true);
    expect(hasJsonataExpressions({ a: ["{% 1", 2, null] })).toBe(false);
  });
});
