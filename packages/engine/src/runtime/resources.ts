/**
 * Task `Resource` strings: what kind of integration they name, which history events they produce, and which
 * registered handler runs them.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 */

/** The service integration pattern. */
export type IntegrationPattern = "request-response" | "sync" | "waitForTaskToken";

/** A parsed `Resource`. */
export type ParsedResource =
  /** `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`: the legacy direct Lambda integration. */
  | { kind: "lambda-function"; functionName: string }
  /** `arn:aws:states:::lambda:invoke[.waitForTaskToken]`: the optimized Lambda integration. */
  | { kind: "lambda-invoke"; pattern: IntegrationPattern; resourceType: string; resourceName: string }
  /** `arn:aws:states:::SERVICE:API[.sync|.sync:2|.waitForTaskToken]` (incl. `aws-sdk:SERVICE:API`). */
  | { kind: "service"; pattern: IntegrationPattern; resourceType: string; resourceName: string }
  /** `arn:aws:states:REGION:ACCOUNT:activity:NAME`. */
  | { kind: "activity" }
  /** Anything else (e.g. a name only known to `RunOptions.tasks`). */
  | { kind: "other" };

const lambdaArn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;
const serviceArn = /^arn:[^:]+:states:::(.+)$/;
const activityArn = /^arn:[^:]+:states:[^:]*:[^:]*:activity:.+$/;

function patternOf(api: string): { pattern: IntegrationPattern; base: string } {
  if (api.endsWith(".waitForTaskToken")) return { pattern: "waitForTaskToken", base: api.slice(0, -".waitForTaskToken".length) };
  const sync = /\.sync(:\d+)?$/.exec(api);
  if (sync) return { pattern: "sync", base: api.slice(0, sync.index) };
  return { pattern: "request-response", base: api };
}

/** Parses a Task `Resource`. */
export function parseResource(resource: string): ParsedResource {
  const lambda = lambdaArn.exec(resource);
  if (lambda?.[1] !== undefined) return { kind: "lambda-function", functionName: lambda[1] };
  if (activityArn.test(resource)) return { kind: "activity" };
  const service = serviceArn.exec(resource);
  if (service?.[1] !== undefined) {
    const rest = service[1];
    const cut = rest.lastIndexOf(":");
    // `.sync:2` has a colon of its own: split before the API name, not inside the suffix.
    const apiStart = /\.sync:\d+$/.test(rest) ? rest.lastIndexOf(":", cut - 1) : cut;
    const resourceType = apiStart > 0 ? rest.slice(0, apiStart) : rest;
    const resourceName = apiStart > 0 ? rest.slice(apiStart + 1) : "";
    const { pattern, base } = patternOf(resourceName);
    const kind = resourceType === "lambda" && base === "invoke" ? "lambda-invoke" : "service";
    return { kind, pattern, resourceType, resourceName };
  }
  return { kind: "other" };
}

/** The function name in a `FunctionName` parameter: a name, `name:alias`, a full or partial ARN. */
export function functionNameOf(value: string): string {
  const marker = value.indexOf(":function:");
  const tail = marker >= 0 ? value.slice(marker + ":function:".length) : value;
  return tail.split(":")[0] ?? tail;
}
