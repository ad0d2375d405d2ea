/**
 * The Task state node.
 *
 * @see https://states-language.net/spec.html#task-state
 */
import type { TaskState } from "../../model/index.js";
import type { AnyTaskContract } from "../contract.js";
import type { Expr } from "../expr.js";
import type { RenderContext, StateNode } from "../graph.js";
import type { Template } from "../template.js";
import { commonFields, type NodeOptions, nodeBase, numberField, objectTemplate } from "./common.js";
import { renderErrorHandling } from "./error-handling.js";
import { assignJsonataRoots, renderAssign, renderInput, renderResult, type ResultSpec } from "./io.js";
import { inputRoot } from "./roots.js";
import { transition } from "./transition.js";

/** Everything a Task node renders, besides its transitions and error handling. */
export interface TaskSpec extends NodeOptions {
  readonly label: string;
  readonly contract: AnyTaskContract;
  /** What the resource receives (`Parameters` / `Arguments`; for `lambda:invoke`, the `Payload`). Default: the state input. */
  readonly input?: Template;
  readonly result: ResultSpec;
  readonly assign?: Template;
  readonly timeoutSeconds?: number | Expr<number>;
  readonly heartbeatSeconds?: number | Expr<number>;
  /** `Credentials.RoleArn`: a role to assume for the call. */
  readonly roleArn?: string | Expr<string>;
}

/** A Task state calling `spec.contract`. */
export function taskNode(spec: TaskSpec): StateNode {
  return { ...nodeBase(spec.label, spec), type: "Task", render: (context) => renderTask(spec, context) };
}

function renderTask(spec: TaskSpec, context: RenderContext): TaskState {
  const { contract } = spec;
  const { language } = context;
  const { integration } = contract;
  const input =
    integration.kind === "lambda:invoke"
      ? { FunctionName: integration.functionName, Payload: spec.input ?? inputRoot() }
      : spec.input;
  return {
    Type: "Task",
    ...commonFields(spec),
    Resource: contract.resource,
    ...(spec.roleArn === undefined ? {} : { Credentials: objectTemplate({ RoleArn: spec.roleArn }, language, "Credentials") }),
    ...renderInput(input, language, "Parameters"),
    ...numberField("TimeoutSeconds", spec.timeoutSeconds, language),
    ...numberField("HeartbeatSeconds", spec.heartbeatSeconds, language),
    ...renderResult(spec.result, language),
    ...renderAssign(spec.assign, language, "result", assignJsonataRoots(spec.result)),
    ...renderErrorHandling(context),
    ...transition(context),
  };
}
