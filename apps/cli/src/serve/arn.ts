/**
 * ARN formats and name rules of Step Functions.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-arn-format.html (not in repo; see aws-integration.md §3.4)
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html#StepFunctions-CreateStateMachine-request-name
 */
import { apiError } from "./errors.js";

/** Where ARNs minted by this server live. Step Functions Local defaults: us-east-1, 123456789012. */
export interface ArnScope {
  readonly region: string;
  readonly account: string;
}

/** `arn:aws:states:<region>:<account>:stateMachine:<name>` */
export function stateMachineArn(scope: ArnScope, name: string): string {
  return `arn:aws:states:${scope.region}:${scope.account}:stateMachine:${name}`;
}

/** `arn:aws:states:<region>:<account>:execution:<stateMachineName>:<executionName>` (STANDARD). */
export function executionArn(scope: ArnScope, machineName: string, executionName: string): string {
  return `arn:aws:states:${scope.region}:${scope.account}:execution:${machineName}:${executionName}`;
}

/** `arn:aws:states:<region>:<account>:express:<stateMachineName>:<executionName>:<uuid>` (EXPRESS). */
export function expressExecutionArn(
  scope: ArnScope,
  machineName: string,
  executionName: string,
  id: string,
): string {
  return `arn:aws:states:${scope.region}:${scope.account}:express:${machineName}:${executionName}:${id}`;
}

const arnPrefix = /^arn:aws(?:-[a-z]+)*:states:[a-z0-9-]+:\d{12}:/;

/**
 * `InvalidArn` for `arn`. AWS words a string that does not even start like a
 * Step Functions ARN as `Invalid Arn: 'Invalid ARN prefix: <arn>'`
 * (recorded: localstack test_sfn_api.py::test_describe_invalid_arn_sm).
 */
function invalidArn(arn: string, prefixMatched: boolean) {
  return apiError("InvalidArn", prefixMatched ? `Invalid Arn: '${arn}'` : `Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
}

/** A state machine ARN, split; `testCase` is the Step Functions Local `#TestCase` suffix. */
export interface ParsedStateMachineArn {
  readonly arn: string;
  readonly name: string;
  readonly testCase?: string;
}

/**
 * Parses a state machine ARN. `allowTestCase` accepts the Step Functions Local
 * `arn…:stateMachine:Name#TestCase` form used to pick a mock test case.
 * Throws `InvalidArn` for anything that is not a state machine ARN.
 */
export function parseStateMachineArn(arn: string, allowTestCase = false): ParsedStateMachineArn {
  const hash = allowTestCase ? arn.indexOf("#") : -1;
  const base = hash === -1 ? arn : arn.slice(0, hash);
  const testCase = hash === -1 ? undefined : arn.slice(hash + 1);
  const prefix = arnPrefix.exec(base);
  const rest = prefix === null ? "" : base.slice(prefix[0].length);
  const match = /^stateMachine:([^:#]+)$/.exec(rest);
  if (match?.[1] === undefined || testCase === "") throw invalidArn(arn, prefix !== null);
  return testCase === undefined ? { arn: base, name: match[1] } : { arn: base, name: match[1], testCase };
}

/** Throws `InvalidArn` unless `arn` is a STANDARD or EXPRESS execution ARN. */
export function assertExecutionArn(arn: string): void {
  const prefix = arnPrefix.exec(arn);
  const rest = prefix === null ? "" : arn.slice(prefix[0].length);
  if (!/^(?:execution:[^:]+:[^:]+|express:[^:]+:[^:]+:[^:]+)$/.test(rest)) throw invalidArn(arn, prefix !== null);
}

/** True for an EXPRESS execution ARN. */
export function isExpressExecutionArn(arn: string): boolean {
  return /^arn:[^:]+:states:[^:]+:[^:]+:express:/.test(arn);
}

// Whitespace, brackets, wildcards, the listed special characters and control characters.
const forbiddenNameCharacters = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]/u;

/**
 * Throws `InvalidName` unless `name` is a valid state machine or execution name:
 * 1–80 characters; no whitespace, brackets, wildcards, control characters or
 * any of ``"#%\^|~`$&,;:/``.
 */
export function assertValidName(name: string, what: "state machine" | "execution"): void {
  if (name.length < 1 || name.length > 80) {
    throw apiError("InvalidName", `Invalid Name: '${name}' (a ${what} name has 1 to 80 characters)`);
  }
  const bad = forbiddenNameCharacters.exec(name);
  if (bad !== null) {
    const shown = JSON.stringify(bad[0]);
    throw apiError("InvalidName", `Invalid Name: '${name}' (a ${what} name may not contain ${shown})`);
  }
}
