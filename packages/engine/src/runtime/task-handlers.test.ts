import type { JsonValue, StateMachineDefinition } from "@statecraft/asl";
import { describe, expect, it } from "vitest";
import { runExecution, StateMachine } from "../index.js";
import type { LambdaContext, LambdaHandler } from "../types.js";

const oneLambda: StateMachineDefinition = {
  StartAt: "Call",
  States: { Call: { Type: "Task", Resource: "arn:aws:lambda:eu-west-1:111122223333:function:fn", End: true } },
};

function run(fn: LambdaHandler, input: JsonValue = { n: 1 }) {
  return runExecution(oneLambda, input, { lambdas: { fn }, region: "eu-west-1", account: "111122223333" });
}

describe("Lambda handlers", () => {
  it("settle with a legacy callback called after the handler returned a pending promise", async () => {
    const result = await run((event, context) => {
      setTimeout(() => context.succeed({ late: event }), 5);
      return new Promise(() => {});
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ late: { n: 1 } });
  });

  it("fail with a legacy context.fail after the handler returned, as an Error named by the error", async () => {
    const result = await run((_event, context) => {
      setTimeout(() => context.fail(new RangeError("too far")), 5);
      return new Promise(() => {});
    });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("RangeError");
    expect(JSON.parse(result.cause ?? "{}")).toMatchObject({ errorType: "RangeError", errorMessage: "too far" });
  });

  it("let a callback called before the handler returns win over the promise it returns", async () => {
    const result = await run(async (_event, context) => {
      context.done(undefined, { early: true });
      return { late: true };
    });
    expect(result.output).toEqual({ early: true });
  });

  it("take a value returned synchronously over a callback, and a callback over a synchronous undefined", async () => {
    const returned = await run((_event, context) => {
      context.succeed({ fromCallback: true });
      return { fromReturn: true };
    });
    expect(returned.output).toEqual({ fromReturn: true });
    const viaCallback = await run((_event, context) => {
      context.succeed({ fromCallback: true });
      return undefined;
    });
    expect(viaCallback.output).toEqual({ fromCallback: true });
  });

  it("settle once: the promise's later value is ignored after a callback", async () => {
    let resolveLater: (value: JsonValue) => void = () => {};
    const result = await run((_event, context) => {
      setTimeout(() => {
        context.succeed("first");
        resolveLater("second");
      }, 5);
      return new Promise<JsonValue>((resolve) => {
        resolveLater = resolve;
      });
    });
    expect(result.output).toBe("first");
    expect(result.history.filter((event) => event.type === "LambdaFunctionSucceeded")).toHaveLength(1);
  });

  it("fail on a promise rejected with a non-error value", async () => {
    const result = await run(() => Promise.reject("plain text"));
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("string");
    expect(JSON.parse(result.cause ?? "{}")).toMatchObject({ errorType: "string", errorMessage: "plain text" });
  });

  it("get a JSON copy of the event and the Lambda context fields", async () => {
    const input = { n: 1, nested: { list: [1, 2] } };
    let seen: { event: JsonValue; context: LambdaContext } | undefined;
    const result = await runExecution(oneLambda, input, {
      lambdas: {
        fn: (event, context) => {
          seen = { event, context };
          return { ok: true };
        },
      },
      region: "eu-west-1",
      account: "111122223333",
      executionName: "named",
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(seen?.event).toEqual(input);
    expect(seen?.event).not.toBe(input);
    const context = seen?.context;
    expect(context?.functionName).toBe("fn");
    expect(context?.invokedFunctionArn).toBe("arn:aws:lambda:eu-west-1:111122223333:function:fn");
    expect(context?.executionArn).toBe("arn:aws:states:eu-west-1:111122223333:execution:StateMachine:named");
    expect(context?.stateName).toBe("Call");
    expect(context?.logGroupName).toBe("/aws/lambda/fn");
    expect(context?.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context?.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(context?.getRemainingTimeInMillis()).toBeGreaterThan(899_000);
  });

  it("use a handler replaced in the same registry on the next execution", async () => {
    const machine = new StateMachine(oneLambda);
    const lambdas: Record<string, LambdaHandler> = { fn: () => "first" };
    const first = await machine.start({}, { lambdas }).done;
    lambdas.fn = () => "second";
    const second = await machine.start({}, { lambdas }).done;
    const other = await machine.start({}, { lambdas: { fn: () => "third" } }).done;
    expect([first.output, second.output, other.output]).toEqual(["first", "second", "third"]);
  });

  it("let a task handler registered for the resource take over from a function bound before, and refuse a removed one", async () => {
    const machine = new StateMachine(oneLambda);
    const resource = "arn:aws:lambda:eu-west-1:111122223333:function:fn";
    const tasks: Record<string, (input: JsonValue) => JsonValue> = {};
    const lambdas: Record<string, LambdaHandler> = { fn: () => "function" };
    const first = await machine.start({}, { tasks, lambdas }).done;
    tasks[resource] = () => "task";
    const second = await machine.start({}, { tasks, lambdas }).done;
    delete tasks[resource];
    delete lambdas.fn;
    const third = await machine.start({}, { tasks, lambdas }).done;
    expect([first.output, second.output]).toEqual(["function", "task"]);
    expect(third.status).toBe("FAILED");
    expect(third.cause).toContain("Register the function 'fn'");
  });

  it("bind by resource and by function name when one registry serves both", async () => {
    const machine = new StateMachine(oneLambda);
    const registry: Record<string, () => string> = { fn: () => "by name" };
    const first = await machine.start({}, { tasks: registry, lambdas: registry }).done;
    registry["arn:aws:lambda:eu-west-1:111122223333:function:fn"] = () => "by resource";
    const second = await machine.start({}, { tasks: registry, lambdas: registry }).done;
    expect([first.output, second.output]).toEqual(["by name", "by resource"]);
  });

  it("stop a pending handler's task when the execution is stopped", async () => {
    let signal: AbortSignal | undefined;
    const execution = new StateMachine(oneLambda).start(
      {},
      {
        lambdas: {
          fn: (_event, context) => {
            signal = context.signal;
            return new Promise(() => {});
          },
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    execution.stop("Stopped", "by the test");
    const result = await execution.done;
    expect(result.status).toBe("ABORTED");
    expect(signal?.aborted).toBe(true);
    expect(result.history.map((event) => event.type).slice(-2)).toEqual(["TaskStateAborted", "ExecutionAborted"]);
  });

  it("name the execution on first read, once, and keep the name in its ARN", async () => {
    let calls = 0;
    const execution = new StateMachine(oneLambda).start({}, { lambdas: { fn: () => null }, uuid: () => `uuid-${++calls}` });
    const result = await execution.done;
    expect(result.executionArn).toBe("arn:aws:states:us-east-1:123456789012:execution:StateMachine:uuid-1");
    expect(execution.executionArn).toBe(result.executionArn);
    expect(calls).toBe(1);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ status: "SUCCEEDED", executionArn: result.executionArn, history: expect.any(Array) });
  });
});

describe("lambda:invoke", () => {
  const invoke = (parameters: Record<string, JsonValue>): StateMachineDefinition => ({
    StartAt: "Invoke",
    States: {
      Invoke: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: parameters, OutputPath: "$.Payload", End: true },
    },
  });
  const echo: LambdaHandler = (event) => ({ received: event });

  it("sends a string Payload as the request body: the function receives the JSON value the text holds", async () => {
    const cases: [JsonValue, JsonValue][] = [
      ['"HelloWorld"', "HelloWorld"],
      ["0.0", 0],
      ["true", true],
      ["{}", {}],
      ['{"name":"PSY"}', { name: "PSY" }],
    ];
    for (const [payload, received] of cases) {
      const result = await runExecution(invoke({ FunctionName: "echo", "Payload.$": "$.p" }), { p: payload }, { lambdas: { echo } });
      expect(result.output).toEqual({ received });
    }
  });

  it("sends {} for a null or missing Payload", async () => {
    const missing = await runExecution(invoke({ FunctionName: "echo" }), {}, { lambdas: { echo } });
    const nullPayload = await runExecution(invoke({ FunctionName: "echo", Payload: null }), {}, { lambdas: { echo } });
    expect([missing.output, nullPayload.output]).toEqual([{ received: {} }, { received: {} }]);
  });

  it("fails with Lambda.InvalidRequestContentException when a string Payload is not JSON", async () => {
    const result = await runExecution(invoke({ FunctionName: "echo", Payload: "not json" }), {}, { lambdas: { echo } });
    expect(result.error).toBe("Lambda.InvalidRequestContentException");
    expect(result.cause).toMatch(/^Could not parse request body into json: .* \(Service: AWSLambda; Status Code: 400; Error Code: InvalidRequestContentException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
  });

  it("fails with a catchable Lambda.ResourceNotFoundException for a function Lambda does not have", async () => {
    const definition: StateMachineDefinition = {
      StartAt: "Invoke",
      States: {
        Invoke: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Parameters: { "FunctionName.$": "$.fn" },
          Catch: [{ ErrorEquals: ["Lambda.ResourceNotFoundException"], Next: "Caught" }],
          End: true,
        },
        Caught: { Type: "Pass", End: true },
      },
    };
    const names = ["missing", "missing:prod", "111122223333:function:missing", "arn:aws:lambda:eu-west-1:111122223333:function:missing:1"];
    const arns = [
      "arn:aws:lambda:us-east-1:123456789012:function:missing",
      "arn:aws:lambda:us-east-1:123456789012:function:missing:prod",
      "arn:aws:lambda:us-east-1:111122223333:function:missing",
      "arn:aws:lambda:eu-west-1:111122223333:function:missing:1",
    ];
    for (const [index, fn] of names.entries()) {
      const result = await runExecution(definition, { fn }, { lambdas: { echo } });
      const output = result.output as { Error: string; Cause: string };
      expect(output.Error).toBe("Lambda.ResourceNotFoundException");
      expect(output.Cause).toMatch(
        new RegExp(`^Function not found: ${arns[index]} \\(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`),
      );
      expect(result.history.map((event) => event.type)).toContain("TaskFailed");
    }
  });

  it("reports a configuration mistake when no function is registered at all", async () => {
    const result = await runExecution(invoke({ FunctionName: "echo" }), {}, {});
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("No handler for resource 'arn:aws:states:::lambda:invoke'");
  });
});
