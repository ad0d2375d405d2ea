/**
 * Validates and compiles a definition once: every state becomes a ready-to-run object, paths, templates and
 * Choice rules are parsed, and every problem is collected with a JSON pointer.
 *
 * @see https://states-language.net/spec.html#toplevelfields
 */
import { validateDefinition } from "@statecraft/asl";
import type { CompiledGraph, CompiledMachine, CompiledState } from "../runtime/compiled.js";
import { InvalidDefinitionError } from "../errors.js";
import { graphNodes } from "../runtime/graph-nodes.js";
import { compileChoice } from "../states/choice.js";
import { compileFail } from "../states/fail.js";
import { compileMap } from "../states/map.js";
import { compileParallel } from "../states/parallel.js";
import { compilePass } from "../states/pass.js";
import { compileSucceed } from "../states/succeed.js";
import { compileTask } from "../states/task.js";
import { compileWait } from "../states/wait.js";
import { compileJsonataChoice, compileJsonataFail, compileJsonataPass, compileJsonataSucceed, compileJsonataWait } from "../states/jsonata/flow.js";
import { compileJsonataMap, compileJsonataParallel } from "../states/jsonata/parallel-map.js";
import { compileJsonataTask } from "../states/jsonata/task.js";
import type { RawState, StateCompileContext } from "./common.js";
import { pointerTo, Problems } from "./problems.js";

const compilers: Record<string, (state: RawState, ctx: StateCompileContext) => CompiledState> = {
  Pass: compilePass,
  Task: compileTask,
  Choice: compileChoice,
  Wait: compileWait,
  Succeed: compileSucceed,
  Fail: compileFail,
  Parallel: compileParallel,
  Map: compileMap,
};

/** JSONata states: `Arguments`/`Output`/`Assign` and `{% … %}` fields instead of paths and templates. */
const jsonataCompilers: Record<string, (state: RawState, ctx: StateCompileContext) => CompiledState> = {
  Pass: compileJsonataPass,
  Task: compileJsonataTask,
  Choice: compileJsonataChoice,
  Wait: compileJsonataWait,
  Succeed: compileJsonataSucceed,
  Fail: compileJsonataFail,
  Parallel: compileJsonataParallel,
  Map: compileJsonataMap,
};

const maxStateNameLength = 80;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class GraphCompiler {
  readonly problems = new Problems();
  private readonly allNames = new Map<string, string>();

  compileGraph(graph: unknown, pointer: string, inheritedLanguage: string): CompiledGraph | undefined {
    if (!isObject(graph)) {
      this.problems.add(pointer, "must be an object with StartAt and States");
      return undefined;
    }
    const language = graph.QueryLanguage ?? inheritedLanguage;
    if (language !== "JSONPath" && language !== "JSONata") this.problems.add(pointerTo(pointer, "QueryLanguage"), "must be JSONPath or JSONata");
    const states = graph.States;
    if (!isObject(states) || Object.keys(states).length === 0) {
      this.problems.add(pointerTo(pointer, "States"), "must be a non-empty object of states");
      return undefined;
    }
    const names = new Set(Object.keys(states));
    if (typeof graph.StartAt !== "string" || !names.has(graph.StartAt)) {
      this.problems.add(pointerTo(pointer, "StartAt"), `must name one of the states (${[...names].join(", ")})`);
    }
    const compiled = new Map<string, CompiledState>();
    for (const [name, state] of Object.entries(states)) {
      const statePointer = pointerTo(pointer, "States", name);
      const earlier = this.allNames.get(name);
      if (earlier !== undefined) this.problems.add(statePointer, `the state name '${name}' is already used at ${earlier}; names are unique across the machine`);
      this.allNames.set(name, statePointer);
      if (name.length === 0 || name.length > maxStateNameLength) this.problems.add(statePointer, `a state name must be 1 to ${maxStateNameLength} characters`);
      const result = this.compileState(name, state, statePointer, names, String(language));
      if (result !== undefined) compiled.set(name, result);
    }
    const startAt = typeof graph.StartAt === "string" ? graph.StartAt : "";
    const nodes = graphNodes(compiled);
    return { startAt, states: compiled, nodes, startNode: nodes.get(startAt) };
  }

  private compileState(name: string, state: unknown, pointer: string, siblings: ReadonlySet<string>, graphLanguage: string): CompiledState | undefined {
    if (!isObject(state)) {
      this.problems.add(pointer, "a state must be an object");
      return undefined;
    }
    const compile = typeof state.Type === "string" ? compilers[state.Type] : undefined;
    if (compile === undefined) {
      this.problems.add(pointerTo(pointer, "Type"), `must be one of ${Object.keys(compilers).join(", ")}`);
      return undefined;
    }
    const language = state.QueryLanguage ?? graphLanguage;
    if (state.QueryLanguage !== undefined && state.QueryLanguage !== "JSONPath" && state.QueryLanguage !== "JSONata") {
      this.problems.add(pointerTo(pointer, "QueryLanguage"), "must be JSONPath or JSONata");
    }
    const jsonata = language === "JSONata";
    return (jsonata ? (jsonataCompilers[state.Type as string] ?? compile) : compile)(state, {
      name,
      pointer,
      problems: this.problems,
      siblings,
      language: jsonata ? "JSONata" : "JSONPath",
      compileGraph: (graph, graphPointer) => this.compileGraph(graph, graphPointer, String(language)),
    });
  }
}

/**
 * Compiles a definition, throwing {@link InvalidDefinitionError} with every problem found: first everything the
 * shared validator (`validateDefinition` of `@statecraft/asl`) reports, then what this engine cannot run.
 */
export function compileMachine(definition: unknown): CompiledMachine {
  const reported = validateDefinition(definition).map(({ pointer, message }) => ({ pointer, message }));
  const compiler = new GraphCompiler();
  if (!isObject(definition)) throw new InvalidDefinitionError([{ pointer: "", message: "a state machine definition must be a JSON object" }]);
  const graph = compiler.compileGraph(definition, "", "JSONPath");
  const timeout = definition.TimeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 1 || timeout > 99_999_999)) {
    compiler.problems.add("/TimeoutSeconds", "must be an integer from 1 to 99999999");
  }
  if (definition.Version !== undefined && definition.Version !== "1.0") compiler.problems.add("/Version", "must be \"1.0\"");
  // The validator's report comes first; the compiler adds what it alone found (other pointers).
  const covered = new Set(reported.map((problem) => problem.pointer));
  const problems = [...reported, ...compiler.problems.list.filter((problem) => !covered.has(problem.pointer))];
  if (graph === undefined || problems.length > 0) throw new InvalidDefinitionError(problems);
  return { ...graph, timeoutSeconds: typeof timeout === "number" ? timeout : undefined };
}
