/**
 * Property test: generated definitions (valid and broken) and inputs never make the engine throw anything but
 * an InvalidDefinitionError report, never produce an error outside the known names, and never hang.
 */
import type { JsonValue } from "@statecraft/asl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "./errors.js";
import { runExecution } from "./state-machine.js";
import type { ExecutionResult } from "./types.js";

const names = ["S0", "S1", "S2", "S3", "Missing"];

/** Strips `undefined` (generated "absent" fields) the way JSON would. */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value) ?? "null");
}
/** A generated input as the engine's JSON type (fast-check's JSON types are its own). */
function asInput(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value) ?? "null") as JsonValue;
}
const paths = ["$", "$.a", "$.b.c", "$.items", "$.items[0]", "$.items[*].x", "$$.Execution.Input", "$$.State.Name", "$.missing", "bad path", "$[", "States.Format('{}', $.a)"];
const userErrors = ["Boom", "Custom.Error", "Error"];
const resources = [
  "arn:aws:states:::local:ok",
  "arn:aws:states:::local:boom",
  "arn:aws:states:::local:echo",
  "arn:aws:states:::local:unknown",
  "not-an-arn",
  "arn:aws:lambda:us-east-1:123456789012:function:fn",
  "arn:aws:states:::lambda:invoke",
];

/** Absent three times out of four: every present field is a chance to break the definition. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const goodPaths = paths.filter((candidate) => candidate.startsWith("$"));
const path = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...goodPaths) }, { weight: 1, arbitrary: fc.constantFrom(...paths) });
const nullablePath = fc.oneof(path, fc.constant(null));
const template = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom("x.$", "y.$", "items.$"), path, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom("a", "b", "x.$"), fc.oneof(path, fc.jsonValue({ maxDepth: 1 })), { maxKeys: 3 }) },
);
const next = fc.oneof(fc.record({ Next: fc.constantFrom(...names) }), fc.constant({ End: true }), fc.constant({}));
const errorEquals = fc.oneof(fc.constant(["States.ALL"]), fc.subarray(["Boom", "States.TaskFailed", "States.Timeout", "States.Runtime"], { minLength: 0 }));
const retry = fc.array(
  fc.record({ ErrorEquals: errorEquals, MaxAttempts: maybe(fc.integer({ min: -1, max: 3 })), IntervalSeconds: maybe(fc.integer({ min: 0, max: 3 })), BackoffRate: maybe(fc.constantFrom(0.5, 1, 2)) }),
  { maxLength: 2 },
);
const catcher = fc.array(fc.record({ ErrorEquals: errorEquals, Next: fc.constantFrom(...names), ResultPath: maybe(nullablePath) }), { maxLength: 2 });
const common = { InputPath: maybe(nullablePath), OutputPath: maybe(nullablePath) };

const leafGraph = fc.constantFrom(
  { StartAt: "L", States: { L: { Type: "Pass", End: true } } },
  { StartAt: "F", States: { F: { Type: "Fail", Error: "Boom" } } },
  { StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::local:boom", End: true } } },
  { StartAt: "X", States: { X: { Type: "Pass", Next: "Nowhere" } } },
  { StartAt: "L2", States: { L2: { Type: "Pass", Parameters: { "v.$": "$" }, End: true } } },
  { StartAt: "T2", States: { T2: { Type: "Task", Resource: "arn:aws:states:::local:echo", End: true } } },
);

const comparison = fc.record({
  Variable: path,
  op: fc.constantFrom("StringEquals", "NumericGreaterThan", "BooleanEquals", "IsPresent", "IsNull", "StringMatches", "NumericEqualsPath", "TimestampLessThan", "Bogus"),
  value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), path),
  Next: fc.constantFrom(...names),
});

const state: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ Type: fc.constant("Pass"), Result: maybe(fc.jsonValue({ maxDepth: 2 })), Parameters: maybe(template), ResultPath: maybe(nullablePath), ...common }),
  fc.record({ Type: fc.constant("Task"), Resource: fc.constantFrom(...resources), Parameters: maybe(template), ResultSelector: maybe(template), ResultPath: maybe(nullablePath), Retry: maybe(retry), Catch: maybe(catcher), TimeoutSeconds: maybe(fc.integer({ min: 0, max: 2 })), ...common }),
  fc.record({
    Type: fc.constant("Choice"),
    Choices: fc.array(comparison.map(({ op, value, ...rule }) => ({ ...rule, [op]: value })), { maxLength: 3 }),
    Default: maybe(fc.constantFrom(...names)),
    ...common,
  }),
  fc.record({ Type: fc.constant("Wait"), Seconds: maybe(fc.integer({ min: -1, max: 100 })), SecondsPath: maybe(path), ...common }),
  fc.record({ Type: fc.constant("Succeed"), ...common }),
  fc.record({ Type: fc.constant("Fail"), Error: maybe(fc.constantFrom(...userErrors)), CausePath: maybe(path) }),
  fc.record({ Type: fc.constant("Parallel"), Branches: fc.array(leafGraph, { maxLength: 2 }), ResultPath: maybe(nullablePath), Catch: maybe(catcher), ...common }),
  fc.record({ Type: fc.constant("Map"), ItemsPath: maybe(path), ItemSelector: maybe(template), MaxConcurrency: maybe(fc.integer({ min: -1, max: 3 })), ItemProcessor: leafGraph, Retry: maybe(retry), ...common }),
  fc.record({ Type: fc.constantFrom("Bogus", 42) }),
).chain((generated) => (generated.Type === "Bogus" || generated.Type === 42 ? fc.constantFrom(generated, { Type: "Pass" }, { Type: "Pass" }) : fc.constant(generated)));

/** Points dangling targets at existing states (the generator would otherwise make mostly unreachable graphs). */
function repair(definition: { StartAt: string; States: Record<string, Record<string, unknown>> }): unknown {
  const stateNames = Object.keys(definition.States);
  const fix = (target: unknown, index: number) => (typeof target === "string" && stateNames.includes(target) ? target : (stateNames[index + 1] ?? stateNames.at(-1)));
  stateNames.forEach((name, index) => {
    const state = definition.States[name] ?? {};
    if ("Next" in state) state.Next = fix(state.Next, index);
    if ("Default" in state) state.Default = fix(state.Default, index);
    for (const list of [state.Choices, state.Catch]) {
      if (Array.isArray(list)) for (const rule of list as Record<string, unknown>[]) rule.Next = fix(rule.Next, index);
    }
  });
  // Keep only the states reachable from the start.
  const reachable = new Set<string>();
  const visit = (name: unknown) => {
    if (typeof name !== "string" || reachable.has(name) || definition.States[name] === undefined) return;
    reachable.add(name);
    const state = definition.States[name] ?? {};
    visit(state.Next);
    visit(state.Default);
    for (const list of [state.Choices, state.Catch]) if (Array.isArray(list)) for (const rule of list as Record<string, unknown>[]) visit(rule.Next);
  };
  visit(stateNames[0]);
  const States = Object.fromEntries(Object.entries(definition.States).filter(([name]) => reachable.has(name)));
  return { ...definition, StartAt: stateNames[0], States };
}

const definition = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(fc.tuple(state, next), { minLength: 1, maxLength: 4 }), fc.constantFrom(...names), maybe(fc.integer({ min: 0, max: 5 })), fc.boolean(), fc.boolean()).map(([states, startAt, timeout, repairA, repairB]) => ({
    StartAt: startAt,
    TimeoutSeconds: timeout,
    States: Object.fromEntries(
      states.map(([body, transition], index) => {
        // Mostly a chain ending in End (so many definitions are valid), sometimes a random jump.
        const chained = index === states.length - 1 ? { End: true } : { Next: names[index + 1] };
        const link = body.Type === "Choice" || body.Type === "Succeed" || body.Type === "Fail" ? {} : "Next" in transition && index % 2 === 1 ? transition : chained;
        return [names[index] ?? `S${index}`, { ...body, ...link }];
      }),
    ),
    repair: repairA || repairB,
  })).map(({ repair: shouldRepair, ...generated }) => (shouldRepair ? repair(asJson(generated) as { StartAt: string; States: Record<string, Record<string, unknown>> }) : generated)) },
  { weight: 1, arbitrary: fc.anything() },
);

const input = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ a: fc.jsonValue({ maxDepth: 1 }), items: fc.array(fc.record({ x: fc.integer() }), { maxLength: 3 }) }));


const tasks = {
  "arn:aws:states:::local:ok": () => ({ ok: true }),
  "arn:aws:states:::local:boom": () => {
    const error = new Error("generated failure");
    error.name = "Boom";
    throw error;
  },
  "arn:aws:states:::local:echo": (value: JsonValue) => value,
};

const knownErrors = new Set([...userErrors, "", "States.Runtime", "States.ParameterPathFailure", "States.ResultPathMatchFailure", "States.IntrinsicFailure", "States.NoChoiceMatched", "States.Timeout", "States.DataLimitExceeded", "States.TaskFailed"]);

describe("generated definitions and inputs", () => {
  it("end in a validation report or a named States.* (or user) error, never a hang", async () => {
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(definition, input, async (generated, data) => {
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          runExecution(asJson(generated), asInput(data), { clock: "virtual", tasks, maxHistoryEvents: 300 }).then(
            (result): ExecutionResult | Error => result,
            (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
          ),
          new Promise<"hang">((resolve) => {
            timer = setTimeout(() => resolve("hang"), 5000);
          }),
        ]);
        clearTimeout(timer);
        expect(outcome).not.toBe("hang");
        if (outcome === "hang") return;
        tally[outcome instanceof Error ? "invalid" : outcome.status] = (tally[outcome instanceof Error ? "invalid" : outcome.status] ?? 0) + 1;
        if (outcome instanceof Error) {
          expect(outcome).toBeInstanceOf(InvalidDefinitionError);
          const problems = (outcome as InvalidDefinitionError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) {
            expect(typeof problem.pointer).toBe("string");
            expect(problem.message.length).toBeGreaterThan(0);
          }
          return;
        }
        expect(["SUCCEEDED", "FAILED", "TIMED_OUT"]).toContain(outcome.status);
        if (outcome.status === "FAILED") expect(knownErrors).toContain(outcome.error ?? "");
        if (outcome.status === "SUCCEEDED") expect(() => JSON.stringify(outcome.output)).not.toThrow();
        expect(outcome.history.at(-1)?.type).toMatch(/^Execution(Succeeded|Failed|TimedOut)$/);
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interpreter, not only the validator.
    expect(tally.SUCCEEDED ?? 0).toBeGreaterThan(20);
    expect(tally.FAILED ?? 0).toBeGreaterThan(10);
  }, 120_000);
});
