import { describe, expect, it } from "vitest";
import { assertExecutionArn, assertValidName, executionArn, parseStateMachineArn, stateMachineArn } from "./arn.js";

const scope = { region: "us-east-1", account: "123456789012" };

describe("ARNs", () => {
  it("formats state machine and execution ARNs as AWS does", () => {
    expect(stateMachineArn(scope, "psy")).toBe("arn:aws:states:us-east-1:123456789012:stateMachine:psy");
    expect(executionArn(scope, "psy", "run1")).toBe("arn:aws:states:us-east-1:123456789012:execution:psy:run1");
  });

  it("parses a state machine ARN and the Step Functions Local #TestCase suffix", () => {
    const arn = "arn:aws:states:us-east-1:123456789012:stateMachine:psy";
    expect(parseStateMachineArn(arn)).toEqual({ arn, name: "psy" });
    expect(parseStateMachineArn(`${arn}#HappyPath`, true)).toEqual({ arn, name: "psy", testCase: "HappyPath" });
  });

  it.each([
    "nope",
    "arn:aws:states:us-east-1:123456789012:execution:psy:run1",
    "arn:aws:states:us-east-1:12345:stateMachine:psy",
    "arn:aws:states:us-east-1:123456789012:stateMachine:psy#Case",
    "arn:aws:states:us-east-1:123456789012:stateMachine:",
  ])("refuses %s as a state machine ARN with InvalidArn", (arn) => {
    expect(() => parseStateMachineArn(arn)).toThrow(expect.objectContaining({ name: "InvalidArn" }));
  });

  it("accepts standard and express execution ARNs only", () => {
    expect(() => assertExecutionArn("arn:aws:states:us-east-1:123456789012:execution:psy:run1")).not.toThrow();
    expect(() => assertExecutionArn("arn:aws:states:us-east-1:123456789012:express:psy:run1:abc")).not.toThrow();
    expect(() => assertExecutionArn("arn:aws:states:us-east-1:123456789012:stateMachine:psy")).toThrow(
      expect.objectContaining({ name: "InvalidArn" }),
    );
  });
});

describe("names", () => {
  it.each(["psy", "a-b_c.d", "x".repeat(80), "ünïcode"])("accepts %s", (name) => {
    expect(() => assertValidName(name, "execution")).not.toThrow();
  });

  it.each(["", "x".repeat(81), "has space", "a/b", "a:b", "a#b", "tab\there", "brace{", "star*", "dollar$", "\u0007"])(
    "refuses %j with InvalidName",
    (name) => {
      expect(() => assertValidName(name, "state machine")).toThrow(expect.objectContaining({ name: "InvalidName" }));
    },
  );
});
