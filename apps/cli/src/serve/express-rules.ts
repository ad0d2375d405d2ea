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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every Task state of `definition` (nested branches and Map processors included) an EXPRESS machine refuses. */
export function expressProblems(definition: unknown): ExpressProblem[] {
  const found: ExpressProblem[] = [];
  const visit = (graph: unknown, at: string): void => {
    if (!isObject(graph) || !isObject(graph.States)) return;
    for (const [name, state] of Object.entries(graph.States)) {
      if (!isObject(state)) continue;
      const here = `${at}/States/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (state.Type === "Task" && typeof state.Resource === "string") {
        const message = problemOf(state.Resource);
        if (message !== undefined) found.push({ message, pointer: `${here}/Resource` });
      } else if (state.Type === "Parallel" && Array.isArray(state.Branches)) {
        for (const [index, branch] of state.Branches.entries()) visit(branch, `${here}/Branches/${index}`);
      } else if (state.Type === "Map") {
        if (state.ItemProcessor !== undefined) visit(state.ItemProcessor, `${here}/ItemProcessor`);
        else visit(state.Iterator, `${here}/Iterator`);
      }
    }
  };
  visit(definition, "");
  return found;
}
