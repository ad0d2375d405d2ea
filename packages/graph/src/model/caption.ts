/**
 * The small second line drawn under a state's name: its type and, for a
 * Task, which service it calls.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
import type { State } from "@statecraft/asl";

/** `arn:aws:states:::lambda:invoke` → `lambda:invoke`, a Lambda function ARN → `lambda NAME`. */
export function describeResource(resource: string, parameters?: unknown): string {
  const functionArn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(resource);
  if (functionArn?.[1] !== undefined) return `λ ${functionArn[1]}`;
  const integration = /^arn:[^:]+:states:::(.+?)(\.sync(:2)?|\.waitForTaskToken)?$/.exec(resource);
  if (integration?.[1] !== undefined) {
    const service = integration[1];
    if (service === "lambda:invoke" && typeof parameters === "object" && parameters !== null) {
      const name = (parameters as Record<string, unknown>).FunctionName;
      if (typeof name === "string") return `λ ${name.replace(/^arn:.*:function:/, "").replace(/:\$LATEST$/, "")}`;
    }
    return `${service}${integration[2] ?? ""}`;
  }
  if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource)) return `activity ${resource.split(":").at(-1) ?? ""}`;
  return resource;
}

/** A state's caption, e.g. `Task · λ song`, `Wait 5 s`, `Map`. */
export function stateCaption(state: State): string {
  switch (state.Type) {
    case "Task": {
      const parameters = state.Parameters ?? state.Arguments;
      return `Task · ${describeResource(state.Resource, parameters)}`;
    }
    case "Wait":
      return typeof state.Seconds === "number" ? `Wait ${state.Seconds} s` : "Wait";
    case "Fail":
      return state.Error === undefined ? "Fail" : `Fail · ${state.Error}`;
    default:
      return state.Type;
  }
}
