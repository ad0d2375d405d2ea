import type { JsonObject, JsonValue } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../errors.js";
import type { PathEnv } from "./path-env.js";
import { applyInputPath, applyOutputPath, applyParameters, applyResultPath, applyResultSelector } from "./pipeline.js";

const env: PathEnv = {
  contextObject: () => ({ Execution: { Id: "arn:exec", Input: { original: true } }, State: { Name: "S", RetryCount: 0 } }),
  variable: () => undefined,
  random: () => 0.5,
  uuid: () => "00000000-0000-4000-8000-000000000000",
};

// The example of the AWS "InputPath, Parameters and ResultSelector" page.
const awsInput: JsonValue = {
  comment: "Example for InputPath.",
  dataset1: { val1: 1, val2: 2, val3: 3 },
  dataset2: { val1: "a", val2: "b", val3: "c" },
};

describe("applyInputPath", () => {
  it.each<[string | null | undefined, JsonValue, JsonValue]>([
    [undefined, awsInput, awsInput],
    ["$", awsInput, awsInput],
    ["$.dataset2", awsInput, { val1: "a", val2: "b", val3: "c" }],
    ["$.dataset1.val2", awsInput, 2],
    [null, awsInput, {}],
    ["$.list[*].id", { list: [{ id: 1 }, { id: 2 }] }, [1, 2]],
    ["$$.Execution.Input", "ignored", { original: true }],
  ])("%j on %j gives %j", (path, input, expected) => {
    expect(applyInputPath(input, path, env)).toEqual(expected);
  });

  it("fails with States.Runtime when the path matches nothing", () => {
    expect(() => applyInputPath({ a: 1 }, "$.b", env)).toThrow(expect.objectContaining({ name: "States.Runtime" }));
    expect(() => applyInputPath(null, "$.b", env)).toThrow(expect.objectContaining({ name: "States.Runtime" }));
  });
});

describe("applyParameters", () => {
  it.each<[string, JsonObject, JsonValue, JsonValue]>([
    [
      "the AWS Parameters example",
      { comment: "Selecting what I care about.", MyDetails: { "size.$": "$.product.details.size", "exists.$": "$.product.availability", StaticValue: "foo" } },
      { comment: "Example for Parameters.", product: { details: { color: "blue", size: "small", material: "cotton" }, availability: "in stock", sku: "2317", cost: "$23" } },
      { comment: "Selecting what I care about.", MyDetails: { size: "small", exists: "in stock", StaticValue: "foo" } },
    ],
    ["a whole-input path", { "all.$": "$" }, [1, 2], { all: [1, 2] }],
    ["context object paths", { "id.$": "$$.Execution.Id", "name.$": "$$.State.Name" }, {}, { id: "arn:exec", name: "S" }],
    ["templates inside arrays", { list: [{ "x.$": "$.a" }, 2] }, { a: "A" }, { list: [{ x: "A" }, 2] }],
    ["null values", { "n.$": "$.n", s: null }, { n: null }, { n: null, s: null }],
    ["an indefinite path", { "ids.$": "$.items[*].id" }, { items: [{ id: 1 }, { id: 2 }] }, { ids: [1, 2] }],
    ["an intrinsic", { "greeting.$": "States.Format('Hello, {}!', $.name)" }, { name: "PSY" }, { greeting: "Hello, PSY!" }],
    ["nested intrinsics", { "n.$": "States.ArrayLength(States.Array($.a, $.b, 3))" }, { a: 1, b: 2 }, { n: 3 }],
    ["States.UUID with the injected generator", { "id.$": "States.UUID()" }, {}, { id: "00000000-0000-4000-8000-000000000000" }],
  ])("%s", (_label, parameters, input, expected) => {
    expect(applyParameters(input, parameters, env)).toEqual(expected);
  });

  // Step Functions fails with States.Runtime, not the documented States.ParameterPathFailure (recorded causes quoted in
  // aws-samples/serverless-coffee-workshop#56; conformance case io/parameters-path-missing).
  it("fails with States.Runtime when a path matches nothing, with the cause Step Functions gives", () => {
    expect(() => applyParameters({ a: 1 }, { "x.$": "$.missing" }, env)).toThrow(
      expect.objectContaining({ name: "States.Runtime", cause: `The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{"a":1}'` }),
    );
    expect(() => applyParameters({ a: 1 }, { "x.$": "States.Format('{}', $.nope)" }, env)).toThrow(
      expect.objectContaining({
        name: "States.Runtime",
        cause: `The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{"a":1}'`,
      }),
    );
  });

  it("fails with States.IntrinsicFailure when an intrinsic cannot use its arguments", () => {
    expect(() => applyParameters({ s: "not json" }, { "x.$": "States.StringToJson($.s)" }, env)).toThrow(
      expect.objectContaining({ name: "States.IntrinsicFailure" }),
    );
  });

  it("refuses invalid templates with every problem", () => {
    try {
      applyParameters({}, { "a.$": "not a path", "b.$": 3, "c.$": "States.Nope(" }, env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDefinitionError);
      expect((error as InvalidDefinitionError).problems.map((problem) => problem.pointer)).toEqual([
        "/Parameters/a.$",
        "/Parameters/b.$",
        "/Parameters/c.$",
      ]);
    }
  });

  it("refuses a field given twice once .$ is removed", () => {
    expect(() => applyParameters({}, { a: 1, "a.$": "$" }, env)).toThrow(InvalidDefinitionError);
  });
});

describe("applyResultSelector", () => {
  it("reshapes the AWS Lambda invoke result", () => {
    const result = { ExecutedVersion: "$LATEST", Payload: { foo: "bar" }, StatusCode: 200 };
    expect(applyResultSelector(result, { "ClusterId.$": "$.Payload.foo", "code.$": "$.StatusCode" }, env)).toEqual({ ClusterId: "bar", code: 200 });
  });
});

describe("applyResultPath", () => {
  const input = { comment: "This is a test", details: "Default example", who: "Step Functions" };
  const result = "Hello, Step Functions!";
  it.each<[string | null | undefined, JsonValue, JsonValue, JsonValue]>([
    [undefined, input, result, result],
    ["$", input, result, result],
    [null, input, result, input],
    ["$.taskresult", input, result, { ...input, taskresult: result }],
    ["$.strings.lambdaresult", { comment: "c", strings: { string1: "foo" } }, result, { comment: "c", strings: { string1: "foo", lambdaresult: result } }],
    ["$.who", input, { replaced: true }, { ...input, who: { replaced: true } }],
    ["$.a.b.c", {}, 1, { a: { b: { c: 1 } } }],
    ["$.list[0]", { list: [0, 1] }, "x", { list: ["x", 1] }],
  ])("%j places the result", (path, stateInput, taskResult, expected) => {
    expect(applyResultPath(stateInput, taskResult, path)).toEqual(expected);
  });

  it("fails with States.ResultPathMatchFailure when the input cannot take the result", () => {
    expect(() => applyResultPath("a string", 1, "$.x")).toThrow(expect.objectContaining({ name: "States.ResultPathMatchFailure" }));
    expect(() => applyResultPath({ x: 1 }, 1, "$.x.y")).toThrow(expect.objectContaining({ name: "States.ResultPathMatchFailure" }));
  });
});

describe("applyOutputPath", () => {
  it.each<[string | null | undefined, JsonValue, JsonValue]>([
    [undefined, { a: 1 }, { a: 1 }],
    ["$", { a: 1 }, { a: 1 }],
    ["$.a", { a: 1 }, 1],
    [null, { a: 1 }, {}],
    ["$.Payload", { Payload: { song: "gangnam style" }, StatusCode: 200 }, { song: "gangnam style" }],
  ])("%j", (path, output, expected) => {
    expect(applyOutputPath(output, path, env)).toEqual(expected);
  });

  it("fails with States.Runtime when the path matches nothing", () => {
    expect(() => applyOutputPath({ a: 1 }, "$.b", env)).toThrow(expect.objectContaining({ name: "States.Runtime" }));
  });

  // Causes as Step Functions words them (Jayway JsonPath): recorded for `$.no.such.result.path` on {} (localstack
  // test_catch_states_runtime); a missing last step names the whole path.
  it.each([
    ["$.no.such.result.path", {}, "Invalid path '$.no.such.result.path' : Missing property in path $['no']"],
    ["$.a.b", { a: {} }, "Invalid path '$.a.b' : No results for path: $['a']['b']"],
    ["$.b", { a: 1 }, "Invalid path '$.b' : No results for path: $['b']"],
  ])("explains why %s selected nothing in %j", (path, output, cause) => {
    expect(() => applyOutputPath(output, path, env)).toThrow(expect.objectContaining({ name: "States.Runtime", cause }));
  });
});
