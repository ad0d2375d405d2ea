/**
 * Walks a definition's Task states (Parallel branches and Map processors
 * included) and reads Lambda function names from their resources.
 */
import type { JsonValue, StateGraph } from "@statecraft/asl";

/** A Task state found anywhere in a definition. */
export interface TaskStateRef {
  readonly name: string;
  readonly resource: string;
  /** `Parameters` (JSONPath) or `Arguments` (JSONata), as written. */
  readonly parameters: JsonValue | undefined;
  /** JSON pointer of the state in the definition. */
  readonly pointer: string;
}

/** One JSON pointer reference token (`~` → `~0`, `/` → `~1`). */
const escapeToken = (token: string): string => token.replaceAll("~", "~0").replaceAll("/", "~1");

/** Every Task state of `graph`, nested graphs included. */
export function taskStates(graph: StateGraph): TaskStateRef[] {
  const found: TaskStateRef[] = [];
  const visit = (g: StateGraph, at: string): void => {
    for (const [name, state] of Object.entries(g.States)) {
      const pointer = `${at}/States/${escapeToken(name)}`;
      if (state.Type === "Task") {
        found.push({ name, resource: state.Resource, parameters: state.Parameters ?? state.Arguments, pointer });
      } else if (state.Type === "Parallel") {
        for (const [index, branch] of state.Branches.entries()) visit(branch, `${pointer}/Branches/${index}`);
      } else if (state.Type === "Map") {
        if (state.ItemProcessor !== undefined) visit(state.ItemProcessor, `${pointer}/ItemProcessor`);
        else if (state.Iterator !== undefined) visit(state.Iterator, `${pointer}/Iterator`);
      }
    }
  };
  visit(graph, "");
  return found;
}

const directLambda = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/;
const invokeResource = /^arn:aws[a-z-]*:states:::lambda:invoke(?:\.waitForTaskToken)?$/;

/**
 * The function name of a `FunctionName` value: a name, `name:alias`, a partial
 * ARN `123456789012:function:name`, or a full function ARN.
 */
export function functionNameOf(value: string): string {
  const full = directLambda.exec(value);
  if (full?.[1] !== undefined) return full[1];
  const partial = /^\d{12}:function:([^:]+)/.exec(value);
  if (partial?.[1] !== undefined) return partial[1];
  return value.split(":")[0] ?? value;
}

/**
 * The Lambda functions a definition calls by a static name: direct function
 * ARNs and `lambda:invoke` with a literal `FunctionName`. (A `FunctionName.$`
 * computed at run time cannot be known here.)
 */
export function lambdaFunctionNames(graph: StateGraph): string[] {
  const names = new Set<string>();
  for (const task of taskStates(graph)) {
    const direct = directLambda.exec(task.resource);
    if (direct?.[1] !== undefined) names.add(direct[1]);
    else if (invokeResource.test(task.resource)) {
      const params = task.parameters;
      const fn = typeof params === "object" && params !== null && !Array.isArray(params) ? params.FunctionName : undefined;
      if (typeof fn === "string" && !fn.startsWith("{%")) names.add(functionNameOf(fn));
    }
  }
  return [...names];
}

/** True for a direct function ARN resource. */
export function isDirectLambda(resource: string): boolean {
  return directLambda.test(resource);
}

/** True for `arn:aws:states:::lambda:invoke[.waitForTaskToken]`. */
export function isLambdaInvoke(resource: string): boolean {
  return invokeResource.test(resource);
}
