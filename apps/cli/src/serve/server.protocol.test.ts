import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.js";
import { rawCall, roleArn, seedDefinition } from "./testing/fixtures.js";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    maxBodyBytes: 4096,
    extraRoutes: {
      "/ui": async (request, response, api) => {
        const list = (await api.call("ListStateMachines", {})) as { stateMachines: unknown[] };
        response.writeHead(200, { "content-type": "text/plain" }).end(`${request.url} ${list.stateMachines.length}`);
      },
    },
  });
});
afterAll(async () => {
  await server.close();
});

describe("the AWS JSON 1.0 transport", () => {
  it("answers with the JSON content type, a request id and epoch-second timestamps", async () => {
    const response = await rawCall(
      server.url,
      "AWSStepFunctions.CreateStateMachine",
      JSON.stringify({ name: "psy", definition: JSON.stringify(seedDefinition), roleArn }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.0");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.stateMachineArn).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:psy");
    const creationDate = response.body.creationDate as number;
    expect(typeof creationDate).toBe("number");
    expect(Math.abs(creationDate - Date.now() / 1000)).toBeLessThan(60);
  });

  it("reads an empty body as {}", async () => {
    const response = await rawCall(server.url, "AWSStepFunctions.ListStateMachines", "");
    expect(response.status).toBe(200);
    expect(response.body.stateMachines).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", "AWSStepFunctions.ListStateMachines", "{nope", 400, "SerializationException"],
    ["a JSON array body", "AWSStepFunctions.ListStateMachines", "[]", 400, "SerializationException"],
    ["an unknown operation", "AWSStepFunctions.LaunchRockets", "{}", 400, "UnknownOperationException"],
    ["another service's target", "DynamoDB_20120810.ListTables", "{}", 400, "UnknownOperationException"],
    ["no X-Amz-Target", undefined, "{}", 400, "UnknownOperationException"],
    ["a missing required member", "AWSStepFunctions.DescribeExecution", "{}", 400, "ValidationException"],
    ["a member of the wrong type", "AWSStepFunctions.ListStateMachines", '{"maxResults":"ten"}', 400, "ValidationException"],
    ["maxResults over 1000", "AWSStepFunctions.GetExecutionHistory", '{"executionArn":"a","maxResults":1001}', 400, "ValidationException"],
  ])("answers %s with %s", async (_what, target, body, status, code) => {
    const response = await rawCall(server.url, target, body);
    expect(response.status).toBe(status);
    expect(String(response.body.__type).split("#")[1]).toBe(code);
    expect(String(response.body.__type)).not.toContain(":");
    expect(typeof response.body.message).toBe("string");
  });

  it("names the wrong field in a ValidationException and carries a reason", async () => {
    const response = await rawCall(server.url, "AWSStepFunctions.StartExecution", '{"stateMachineArn":"x","name":""}');
    expect(response.body).toMatchObject({
      __type: "com.amazon.coral.validate#ValidationException",
      message: "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1",
      reason: "FIELD_VALIDATION_FAILED",
    });
  });

  it("refuses a body over the cap with 413 before parsing it", async () => {
    const response = await rawCall(server.url, "AWSStepFunctions.ListStateMachines", `{"x":"${"a".repeat(5000)}"}`);
    expect(response.status).toBe(413);
    expect(response.body.__type).toMatch(/#RequestEntityTooLargeException$/);
  });

  it("refuses methods other than POST for the API", async () => {
    const response = await fetch(`${server.url}/`, { method: "PUT", body: "{}" });
    expect(response.status).toBe(405);
  });

  it("serves extra GET routes with in-process API access, and 404 for other paths", async () => {
    const page = await fetch(`${server.url}/ui/executions?x=1`);
    expect(await page.text()).toBe("/ui/executions?x=1 1");
    expect((await fetch(`${server.url}/uix`)).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });

  it("rejects in-process calls of unknown operations with an ApiError", async () => {
    await expect(server.api.call("Nope", {})).rejects.toMatchObject({ name: "UnknownOperationException" });
  });
});

describe("binding", () => {
  it("listens on 127.0.0.1 unless told otherwise", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers only loopback Host names (no DNS rebinding from a browser)", async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/`, {
          method: "POST",
          headers: { host, "x-amz-target": "AWSStepFunctions.ListStateMachines", "content-type": "application/x-amz-json-1.0" },
        });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end("{}");
      });
    expect(await status("evil.example:8083")).toBe(403);
    expect(await status(`localhost:${server.port}`)).toBe(200);
    expect(await status(`[::1]:${server.port}`)).toBe(200);
  });
});
