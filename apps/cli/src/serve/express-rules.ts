/**
 * What an EXPRESS state machine may not contain: Task states that wait for a
 * task token, run a `.sync` integration or poll an activity. AWS refuses them
 * when the machine is created (`InvalidDefinition`) and reports them from
 * ValidateStateMachineDefinition with `type: "EXPRESS"`.
 *
 * Messages as recorded against AWS in localstack/localstack
 * tests/aws/services/stepfunctions/v2/test_sfn_api_express.py (test_illegal_callbacks,
 * test_illegal_activity_task) and test_sfn_api_validation.py
 * (test_validate_state_machine_definition_type_express[ILLEGAL_WFTT]); the trailing
 * space of the `.waitForTaskToken` message is AWS's.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html
 */
import type { StateGraph } from "@statecraft/asl";
import { taskStates } from "./definition-walk.js";

/** One refused Task state: AWS's message and the JSON pointer of its `Resource`. */
export interface ExpressProblem {
  readonly message: string;
  readonly pointer: string;
}

const activityArn = /^arn:aws[a-z-]*:states:[^:]*:[^:]*:activity:/;

function problemOf(resource: string): string | undefined {
  if (resource.endsWith(".waitForTaskToken")) {
    return "Express state machine does not support '.waitForTaskToken' service integration ";
  }
  if (/\.sync(?::\d+)?$/.test(resource)) return "Express state machine does not support '.sync' service integration";
  if (activityArn.test(resource)) return "Express state machine does not support Activity ARN";
  return undefined;
}

/** Every Task state of `definition` (a valid one; nested branches and Map processors included) an EXPRESS machine refuses. */
export function expressProblems(definition: StateGraph): ExpressProblem[] {
  return taskStates(definition).flatMap((task) => {
    const message = problemOf(task.resource);
    return message === undefined ? [] : [{ message, pointer: `${task.pointer}/Resource` }];
  });
}
