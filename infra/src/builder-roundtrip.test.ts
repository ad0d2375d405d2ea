/**
 * Round trip of the typed builder: the same workflow, rendered as JSONPath and
 * as JSONata, runs on the engine to the same output, and that output matches
 * the output schema the builder derived.
 */
import { cond, defineTask, intrinsic, type JsonValue, lambdaFunctionArn, lambdaInvokeTask, type QueryLanguage, workflow } from "@statecraft/asl";
import { runExecution } from "@statecraft/engine";
import { describe, expect, it } from "vitest";
import * as z from "zod";

const arn = (functionName: string) => lambdaFunctionArn({ region: "us-east-1", account: "123456789012", functionName });
const Order = z.object({
  id: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.number() })),
  coupon: z.string().optional(),
});
const Line = z.object({ sku: z.string(), qty: z.number() });
const price = defineTask({ name: "price", resource: arn("price"), input: Line, output: z.object({ total: z.number(), currency: z.string() }), errors: ["OutOfStock"] });
const invokePrice = lambdaInvokeTask({ name: "price", functionArn: arn("price"), input: Line, output: z.object({ total: z.number(), currency: z.string() }) });

/** The `price` Lambda: 10 per unit; sku "x" is out of stock. */
function priceHandler(input: unknown) {
  const line = Line.parse(input);
  if (line.sku === "x") throw Object.assign(new Error("no x left"), { name: "OutOfStock" });
  return { total: line.qty * 10, currency: "EUR" };
}

const orderWorkflow = (queryLanguage: QueryLanguage) =>
  workflow({ input: Order, queryLanguage })
    .map(
      {
        items: ($) => $.items,
        itemSelector: ($, { item, index }) => ({ sku: item.sku, qty: item.qty, position: index, order: $.id }),
        maxConcurrency: 2,
      },
      (line) =>
        line
          .nextWith(price, ($) => ({ sku: $.sku, qty: $.qty }), { resultSelector: (r) => ({ total: r.total }), into: "price" })
          .catch(["OutOfStock"], (e) => e.pass({ parameters: ($) => ({ sku: $.sku, position: $.position, error: $.error.Error }) }), { into: "error" })
          .pass({ parameters: ($) => ({ position: intrinsic.format("#{}", $.position) }) }),
      { into: "lines" },
    )
    .choice((c) =>
      c
        .when(($) => cond.and(cond.isPresent($.coupon), cond.stringMatches($.coupon, "SAVE*")), (b) =>
          b.pass({ parameters: ($) => ({ id: $.id, note: intrinsic.format("{} saves", $.id), count: intrinsic.arrayLength($.lines) }) }),
        )
        .otherwise((b) => b.pass({ parameters: ($) => ({ id: $.id, note: "full price", count: intrinsic.arrayLength($.lines) }) })),
    )
    .wait({ seconds: 2 })
    .parallel([(b) => b.pass({ parameters: ($) => ({ id: $.id }) }), (b) => b.pass({ result: { fixed: [1, 2] } })] as const, {
      into: "both",
    })
    .succeed()
    .build();

const invokeWorkflow = (queryLanguage: QueryLanguage) =>
  workflow({ input: Line, queryLanguage })
    .next(invokePrice, { outputPath: (o) => o.Payload })
    .retry({ errors: ["Lambda.ServiceException"], maxAttempts: 2 })
    .build();

async function run(definition: unknown, input: JsonValue) {
  return runExecution(definition, input, { lambdas: { price: priceHandler }, clock: "virtual" });
}

const withCoupon: JsonValue = { id: "o1", items: [{ sku: "a", qty: 2 }, { sku: "x", qty: 1 }], coupon: "SAVE10" };
const withoutCoupon: JsonValue = { id: "o2", items: [{ sku: "b", qty: 1 }] };

describe("builder round trip on the engine", () => {
  it("runs the JSONPath rendering: Map with ItemSelector and a caught error, Choice, Wait, Parallel", async () => {
    const built = orderWorkflow("JSONPath");
    const result = await run(built.definition, withCoupon);
    expect(result.status, `${result.error}: ${result.cause}`).toBe("SUCCEEDED");
    expect(result.output).toEqual({ id: "o1", note: "o1 saves", count: 2, both: [{ id: "o1" }, { fixed: [1, 2] }] });
    expect(built.output.parse(result.output)).toEqual(result.output);
    const other = await run(built.definition, withoutCoupon);
    expect(other.output).toEqual({ id: "o2", note: "full price", count: 1, both: [{ id: "o2" }, { fixed: [1, 2] }] });
  });

  it("unwraps the lambda:invoke payload (JSONPath)", async () => {
    const built = invokeWorkflow("JSONPath");
    const result = await run(built.definition, { sku: "a", qty: 3 });
    expect(result.output).toEqual({ total: 30, currency: "EUR" });
    expect(built.output.parse(result.output)).toEqual({ total: 30, currency: "EUR" });
  });

  // The two renderings (JSONPath and JSONata) must agree on the engine.
  it("gives the same outputs from the JSONata rendering", async () => {
    for (const input of [withCoupon, withoutCoupon]) {
      const [jsonPath, jsonata] = await Promise.all([run(orderWorkflow("JSONPath").definition, input), run(orderWorkflow("JSONata").definition, input)]);
      expect(jsonata.status, `${jsonata.error}: ${jsonata.cause}`).toBe("SUCCEEDED");
      expect(jsonata.output).toEqual(jsonPath.output);
    }
    const invoked = await run(invokeWorkflow("JSONata").definition, { sku: "a", qty: 3 });
    expect(invoked.output).toEqual({ total: 30, currency: "EUR" });
  });
});
