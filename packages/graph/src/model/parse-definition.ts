/**
 * Checks that an unknown JSON value has the shape a drawing needs (states
 * with a known `Type`, their transitions, and the inner graphs of Parallel
 * and Map) before anything is drawn. Every problem is reported with its JSON
 * pointer. This is a drawing boundary, not the full ASL validator.
 *
 * @see https://states-language.net/spec.html#state-machine-structure
 */
import type { StateMachineDefinition } from "@statecraft/asl";
import * as z from "zod";
import { GraphDefinitionError, type GraphProblem } from "./errors.js";
import { buildGraphModel } from "./graph-model.js";

const name = z.string({ error: "must be a state name (a string)" });

interface GraphShape {
  StartAt: string;
  States: Record<string, unknown>;
}

const Catcher = z.looseObject({ ErrorEquals: z.array(z.string()).min(1, "must list at least one error name"), Next: name });
const withErrors = { Catch: z.array(Catcher).optional() };
const transition = { Next: name.optional(), End: z.boolean().optional() };

const Graph: z.ZodType<GraphShape> = z.lazy(() =>
  z.looseObject({
    StartAt: name,
    States: z.record(z.string(), State).refine((states) => Object.keys(states).length > 0, "must contain at least one state"),
  }),
);

const State = z.discriminatedUnion(
  "Type",
  [
    z.looseObject({ Type: z.literal("Task"), Resource: z.string({ error: "a Task needs a Resource string" }), ...transition, ...withErrors }),
    z.looseObject({ Type: z.literal("Pass"), ...transition }),
    z.looseObject({ Type: z.literal("Wait"), ...transition }),
    z.looseObject({
      Type: z.literal("Choice"),
      Choices: z.array(z.looseObject({ Next: name })).min(1, "a Choice needs at least one rule"),
      Default: name.optional(),
    }),
    z.looseObject({ Type: z.literal("Succeed") }),
    z.looseObject({ Type: z.literal("Fail") }),
    z.looseObject({ Type: z.literal("Parallel"), Branches: z.array(Graph).min(1, "a Parallel needs at least one branch"), ...transition, ...withErrors }),
    z
      .looseObject({ Type: z.literal("Map"), ItemProcessor: Graph.optional(), Iterator: Graph.optional(), ...transition, ...withErrors })
      .refine((map) => map.ItemProcessor !== undefined || map.Iterator !== undefined, "a Map needs an ItemProcessor"),
  ],
  { error: "Type must be one of Task, Pass, Wait, Choice, Succeed, Fail, Parallel, Map" },
);

function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * Parses an unknown value (e.g. a `*.asl.json` file's JSON) into a
 * definition that can be drawn, or throws {@link GraphDefinitionError}
 * listing every problem: shape errors first, then dangling transitions.
 */
export function parseDrawableDefinition(value: unknown): StateMachineDefinition {
  const parsed = Graph.safeParse(value);
  if (!parsed.success) {
    const problems: GraphProblem[] = parsed.error.issues.map((issue) => ({ pointer: pointer(issue.path), message: issue.message }));
    throw new GraphDefinitionError(problems);
  }
  // The shape is checked above for every field drawing reads; the remaining fields pass through untouched.
  const definition = parsed.data as StateMachineDefinition;
  buildGraphModel(definition);
  return definition;
}
