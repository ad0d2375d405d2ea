import { handler as lyricsHandler } from "@statecraft/lambda-lyrics";
import { handler as songHandler } from "@statecraft/lambda-song";
import { describe, expect, it } from "vitest";
import { runExecution } from "../../index.js";

const lambdas = { song: songHandler, lyrics: lyricsHandler };
const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

const jsonPathSeed = {
  StartAt: "Song",
  States: {
    Song: { Type: "Task", Resource: arn("song"), Next: "Lyrics" },
    Lyrics: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "lyrics", "Payload.$": "$" }, OutputPath: "$.Payload", End: true },
  },
};

/** The seed written in JSONata: a direct Lambda ARN with Arguments, then lambda:invoke whose envelope Output unwraps. */
const jsonataSeed = {
  QueryLanguage: "JSONata",
  StartAt: "Song",
  States: {
    Song: { Type: "Task", Resource: arn("song"), Arguments: { name: "{% $states.input.name %}" }, Assign: { asked: "{% $states.input.name %}" }, Next: "Lyrics" },
    Lyrics: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Arguments: { FunctionName: "lyrics", Payload: "{% $states.input %}" },
      Output: "{% $states.result.Payload %}",
      End: true,
    },
  },
};

describe("seed workflow in JSONata with the real handlers", () => {
  for (const name of ["PSY", "IU"]) {
    it(`gives the JSONPath seed's output for ${name}`, async () => {
      const [jsonPath, jsonata] = await Promise.all([runExecution(jsonPathSeed, { name }, { lambdas }), runExecution(jsonataSeed, { name }, { lambdas })]);
      expect(jsonata.status, `${jsonata.error}: ${jsonata.cause}`).toBe("SUCCEEDED");
      expect(jsonata.output).toEqual(jsonPath.output);
    });
  }

  it("outputs the lyrics for PSY and records the assigned variable", async () => {
    const result = await runExecution(jsonataSeed, { name: "PSY" }, { lambdas });
    expect(result.output).toEqual({ lyrics: "oh oh oh oh oh pan gangnam style" });
    const exited = result.history.find((event) => event.type === "TaskStateExited");
    expect(exited?.stateExitedEventDetails).toMatchObject({ assignedVariables: { asked: '"PSY"' } });
  });

  it("fails with States.QueryEvaluationError when the input has no name", async () => {
    const result = await runExecution(jsonataSeed, { nom: "PSY" }, { lambdas });
    expect(result.status).toBe("FAILED");
    // `$states.input.name` is undefined, so the Arguments expression fails before the Lambda runs.
    expect(result.error).toBe("States.QueryEvaluationError");
  });
});
