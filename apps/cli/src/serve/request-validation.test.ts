import { describe, expect, it } from "vitest";
import { parseRequest } from "./request-validation.js";
import { CreateStateMachineRequest, StartExecutionRequest } from "./schemas.js";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toMatchObject({ name: "ValidationException", status: 400 });
    return (error as Error).message;
  }
  throw new Error("expected a ValidationException");
}

describe("parseRequest", () => {
  it("names a missing required member", () => {
    expect(messageOf(() => parseRequest(StartExecutionRequest, {}))).toBe(
      "1 validation error detected: Value at 'stateMachineArn' failed to satisfy constraint: Member must not be null",
    );
  });

  it("lists every wrong member, with enum and length constraints", () => {
    const message = messageOf(() =>
      parseRequest(CreateStateMachineRequest, { name: "n", definition: "{}", roleArn: "", type: "BATCH" }),
    );
    expect(message).toContain("2 validation errors detected");
    expect(message).toContain("at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 1");
    expect(message).toContain("Value 'BATCH' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
  });

  it("names list members the AWS way", () => {
    const message = messageOf(() =>
      parseRequest(CreateStateMachineRequest, { name: "n", definition: "{}", roleArn: "r", tags: [{ key: 5 }] }),
    );
    expect(message).toContain("at 'tags.1.member.key' failed to satisfy constraint: Member must be of type string");
  });

  it("returns the typed request and ignores unknown members", () => {
    expect(parseRequest(StartExecutionRequest, { stateMachineArn: "a", extra: 1 })).toEqual({ stateMachineArn: "a" });
  });
});
