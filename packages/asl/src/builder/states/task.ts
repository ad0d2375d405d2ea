/**
 * The Task state node.
 *
 * @see https://states-language.net/spec.html#task-state
 */
import type { JsonObject, QueryLanguage, TaskState } from "../../model/index.js";
import type { AnyTaskContract } from "../contract.js";
import type { RenderContext, StateNode } from "../graph.js";
import { transition } from "./transition.js";

/** Everything a Task node renders, besides its transitions. */
export interface TaskSpec {
  readonly label: string;
  readonly contract: AnyTaskContract;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
}

/** A Task state calling `spec.contract`. */
export function taskNode(spec: TaskSpec): StateNode {
  return {
    label: spec.label,
    type: "Task",
    ...(spec.queryLanguage === undefined ? {} : { queryLanguage: spec.queryLanguage }),
    children: [],
    render: (context) => renderTask(spec, context),
  };
}

function renderTask(spec: TaskSpec, context: RenderContext): TaskState {
  const { contract } = spec;
  const input = invokeInput(spec, context);
  return {
    Type: "Task",
    ...(spec.comment === undefined ? {} : { Comment: spec.comment }),
    ...(spec.queryLanguage === undefined ? {} : { QueryLanguage: spec.queryLanguage }),
    Resource: contract.resource,
    ...input,
    ...transition(context),
  };
}

/** `lambda:invoke` needs `FunctionName` and the state input as `Payload`; a direct resource gets the input as is. */
function invokeInput(spec: TaskSpec, context: RenderContext): { Parameters?: JsonObject; Arguments?: JsonObject } {
  const { integration } = spec.contract;
  if (integration.kind === "direct") return {};
  return context.language === "JSONata"
    ? { Arguments: { FunctionName: integration.functionName, Payload: "{% $states.input %}" } }
    : { Parameters: { FunctionName: integration.functionName, "Payload.$": "$" } };
}
