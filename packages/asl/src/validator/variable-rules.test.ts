import { describe, expect, it } from "vitest";
import { definitionWarnings, validateDefinition } from "./index.js";

/** The variable warnings of a definition, which AWS accepts (so the validator's errors stay empty). */
function variableProblems(definition: unknown): { pointer: string; message: string }[] {
  expect(validateDefinition(definition)).toEqual([]);
  return definitionWarnings(definition);
}

describe("variables read before any path assigns them", () => {
  it("reports a JSONata reference no path assigns, at its field", () => {
    const problems = variableProblems({
      QueryLanguage: "JSONata",
      StartAt: "a",
      States: {
        a: { Type: "Pass", Output: "{% $nope %}", Next: "b" },
        b: { Type: "Pass", Assign: { later: 1 }, End: true },
      },
    });
    expect(problems).toEqual([
      { pointer: "/States/a/Output", message: 'variable $nope is read here, but no path into state "a" assigns it' },
    ]);
  });

  it("accepts variables assigned by an earlier state, a Choice rule or a catcher", () => {
    expect(
      variableProblems({
        QueryLanguage: "JSONata",
        StartAt: "set",
        States: {
          set: { Type: "Pass", Assign: { x: 1 }, Next: "pick" },
          pick: {
            Type: "Choice",
            Choices: [{ Condition: "{% $x > 0 %}", Assign: { y: "{% $x %}" }, Next: "useY" }],
            Default: "work",
          },
          useY: { Type: "Pass", Output: "{% $y + $x %}", End: true },
          work: {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            Arguments: { FunctionName: "f", Payload: "{% $x %}" },
            Catch: [{ ErrorEquals: ["States.ALL"], Assign: { failed: true }, Next: "report" }],
            End: true,
          },
          report: { Type: "Pass", Output: "{% $failed %}", End: true },
        },
      }),
    ).toEqual([]);
  });

  it("a state does not see its own Assign, nor a variable assigned only on another branch of a Choice", () => {
    const problems = variableProblems({
      QueryLanguage: "JSONata",
      StartAt: "pick",
      States: {
        pick: {
          Type: "Choice",
          Choices: [{ Condition: "{% $states.input.a %}", Assign: { onlyHere: 1 }, Next: "left" }],
          Default: "right",
        },
        left: { Type: "Pass", Output: "{% $onlyHere %}", End: true },
        right: { Type: "Pass", Assign: { self: 1 }, Output: "{% $onlyHere & $self %}", End: true },
      },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'variable $onlyHere is read here, but no path into state "right" assigns it',
      'variable $self is read here, but no path into state "right" assigns it',
    ]);
  });

  it("checks JSONPath paths and intrinsic arguments", () => {
    const problems = variableProblems({
      StartAt: "set",
      States: {
        set: { Type: "Pass", Assign: { "greeting.$": "$.hello" }, Next: "use" },
        use: {
          Type: "Pass",
          Parameters: { "a.$": "$greeting", "b.$": "States.Format('{} {}', $greeting, $missing)", "c.$": "$.x" },
          End: true,
        },
      },
    });
    expect(problems).toEqual([
      { pointer: "/States/use/Parameters/b.$", message: 'variable $missing is read here, but no path into state "use" assigns it' },
    ]);
  });

  it("inline Map and Parallel states read outer variables; a distributed Map sees none", () => {
    const graph = (name: string) => ({ StartAt: name, States: { [name]: { Type: "Pass", Output: "{% $outer %}", End: true } } });
    const processor = graph("in");
    const machine = (mode: "INLINE" | "DISTRIBUTED") => ({
      QueryLanguage: "JSONata",
      StartAt: "set",
      States: {
        set: { Type: "Pass", Assign: { outer: 1 }, Next: "map" },
        map: {
          Type: "Map",
          Items: "{% [1, 2] %}",
          ItemProcessor: {
            ...processor,
            ProcessorConfig: mode === "INLINE" ? { Mode: "INLINE" } : { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          },
          Next: "par",
        },
        par: { Type: "Parallel", Branches: [graph("branch")], End: true },
      },
    });
    expect(variableProblems(machine("INLINE"))).toEqual([]);
    expect(variableProblems(machine("DISTRIBUTED")).map((p) => p.pointer)).toEqual(["/States/map/ItemProcessor/States/in/Output"]);
  });

  it("follows loops: a variable assigned later in a loop is visible when the loop comes back", () => {
    expect(
      variableProblems({
        QueryLanguage: "JSONata",
        StartAt: "start",
        States: {
          start: { Type: "Pass", Assign: { n: 0 }, Next: "loop" },
          loop: {
            Type: "Choice",
            Choices: [{ Condition: "{% $n < 3 %}", Next: "step" }],
            Default: "done",
          },
          step: { Type: "Pass", Assign: { n: "{% $n + 1 %}", seen: "{% $exists($seen) %}" }, Next: "loop" },
          done: { Type: "Succeed" },
        },
      }),
    ).toEqual([]);
  });
});
