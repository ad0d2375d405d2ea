import { describe, expect, test } from "vitest";
import { loadFixture } from "../test-fixtures/fixtures.js";
import { GraphDefinitionError } from "./errors.js";
import { parseDrawableDefinition } from "./parse-definition.js";

function problems(value: unknown): string[] {
  try {
    parseDrawableDefinition(value);
  } catch (error) {
    if (error instanceof GraphDefinitionError) return error.problems.map((p) => `${p.pointer}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("parseDrawableDefinition", () => {
  test("accepts the workflows unchanged", () => {
    const definition = loadFixture("image-upload");
    expect(parseDrawableDefinition(definition)).toEqual(definition);
  });

  test("reports shape problems with their pointers", () => {
    expect(
      problems({
        StartAt: "A",
        States: {
          A: { Type: "Tusk", Next: "B" },
          B: { Type: "Choice", Choices: [] },
          C: { Type: "Parallel", Branches: [{ StartAt: 3, States: {} }], End: true },
        },
      }),
    ).toEqual([
      "/States/A/Type: Type must be one of Task, Pass, Wait, Choice, Succeed, Fail, Parallel, Map",
      "/States/B/Choices: a Choice needs at least one rule",
      "/States/C/Branches/0/StartAt: must be a state name (a string)",
      "/States/C/Branches/0/States: must contain at least one state",
    ]);
    expect(problems([])[0]).toMatch(/^: /);
  });

  test("then reports dangling transitions", () => {
    expect(problems({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } })).toEqual([
      '/States/A/Next: "Nowhere" is not a state in this scope',
    ]);
  });
});
