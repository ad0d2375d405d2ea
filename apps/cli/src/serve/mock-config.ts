/**
 * Step Functions Local's mock configuration (`SFN_MOCK_CONFIG`): test cases map
 * state names to mocked responses; each mocked response answers invocation
 * 0, 1, … (single indices or inclusive ranges like `"1-2"`) with exactly one
 * `Return` or `Throw`. A test case is picked with `stateMachineArn#TestCase`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
 */
import { readFileSync } from "node:fs";
import type { JsonValue } from "@statecraft/asl";
import * as z from "zod";
import { ApiError } from "./errors.js";

const Json: z.ZodType<JsonValue> = z.json();

const MockedAnswer = z.union([
  z.strictObject({ Return: Json }),
  z.strictObject({ Throw: z.strictObject({ Error: z.string(), Cause: z.string().optional() }) }),
]);
export type MockedAnswer = z.output<typeof MockedAnswer>;

const MockedResponse = z.record(z.string(), MockedAnswer);

const MockConfigFile = z.object({
  StateMachines: z.record(z.string(), z.object({ TestCases: z.record(z.string(), z.record(z.string(), z.string())) })),
  MockedResponses: z.record(z.string(), MockedResponse),
});

/** A mock configuration file that could not be read or is malformed. */
export class InvalidMockConfig extends ApiError {
  constructor(source: string, problems: readonly string[]) {
    super("InvalidMockConfig", `${source}: ${problems.join("; ")}`, 500);
  }
}

/** One mocked response: answers per invocation index. */
export class MockedResponses {
  readonly #ranges: readonly { from: number; to: number; answer: MockedAnswer }[];

  constructor(ranges: readonly { from: number; to: number; answer: MockedAnswer }[]) {
    this.#ranges = ranges;
  }

  /** The answer for the `index`-th invocation (0-based), if the mock covers it. */
  answer(index: number): MockedAnswer | undefined {
    return this.#ranges.find((range) => index >= range.from && index <= range.to)?.answer;
  }
}

/** A test case: state name → its mocked responses. */
export type TestCase = ReadonlyMap<string, MockedResponses>;

/** A parsed, cross-checked mock configuration. */
export class MockConfig {
  readonly #machines: ReadonlyMap<string, ReadonlyMap<string, TestCase>>;

  private constructor(machines: ReadonlyMap<string, ReadonlyMap<string, TestCase>>) {
    this.#machines = machines;
  }

  /** The test case `testCase` of state machine `machineName`, or undefined. */
  testCase(machineName: string, testCase: string): TestCase | undefined {
    return this.#machines.get(machineName)?.get(testCase);
  }

  /** Reads and checks a mock configuration file. */
  static load(path: string): MockConfig {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new InvalidMockConfig(path, [error instanceof Error ? error.message : String(error)]);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidMockConfig(path, [`not JSON (${error instanceof Error ? error.message : String(error)})`]);
    }
    return MockConfig.parse(json, path);
  }

  /**
   * Checks a mock configuration: the shape, every referenced mocked response
   * exists, ranges are ascending and do not overlap. Lists every problem.
   */
  static parse(json: unknown, source = "mock config"): MockConfig {
    const result = MockConfigFile.safeParse(json);
    if (!result.success) {
      throw new InvalidMockConfig(source, result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
    }
    const problems: string[] = [];
    const responses = new Map<string, MockedResponses>();
    for (const [name, entries] of Object.entries(result.data.MockedResponses)) {
      const ranges = Object.entries(entries).flatMap(([key, answer]) => {
        if (!/^\d+(-\d+)?$/.test(key)) {
          problems.push(`MockedResponses.${name}.${key}: keys are invocation indices like "0" or ranges like "1-2"`);
          return [];
        }
        const [from, to = from] = key.split("-").map(Number) as [number, number?];
        if (to < from) problems.push(`MockedResponses.${name}.${key}: range end is before its start`);
        return { from, to, answer };
      });
      ranges.sort((a, b) => a.from - b.from);
      ranges.forEach((range, i) => {
        const next = ranges[i + 1];
        if (next !== undefined && next.from <= range.to) {
          problems.push(`MockedResponses.${name}: invocation ${next.from} is covered twice`);
        }
      });
      responses.set(name, new MockedResponses(ranges));
    }
    const machines = new Map<string, Map<string, TestCase>>();
    for (const [machine, { TestCases }] of Object.entries(result.data.StateMachines)) {
      const cases = new Map<string, TestCase>();
      for (const [caseName, states] of Object.entries(TestCases)) {
        const testCase = new Map<string, MockedResponses>();
        for (const [state, responseName] of Object.entries(states)) {
          const mocked = responses.get(responseName);
          if (mocked === undefined) {
            problems.push(`StateMachines.${machine}.TestCases.${caseName}.${state}: no MockedResponses.${responseName}`);
          } else testCase.set(state, mocked);
        }
        cases.set(caseName, testCase);
      }
      machines.set(machine, cases);
    }
    if (problems.length > 0) throw new InvalidMockConfig(source, problems);
    return new MockConfig(machines);
  }
}
