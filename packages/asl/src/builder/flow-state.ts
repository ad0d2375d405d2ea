/**
 * The runtime side of a chain: the graph so far, and the zod schemas that
 * mirror its types (the current value, the outputs of Succeed states, the
 * variables), from which the workflow's output JSON Schema is produced.
 */
import * as z from "zod";
import type { QueryLanguage } from "../model/index.js";
import { type Expr, schemaOf } from "./expr.js";
import type { Fragment, StateNode } from "./graph.js";
import { pathProxy } from "./path-proxy.js";
import { makeScope, type Scope } from "./scope.js";
import type { Placement, ResultSpec } from "./states/io.js";
import { type Template, templateSchema } from "./template.js";

/** Workflow-wide settings every chain of a workflow shares. */
export interface WorkflowSettings {
  readonly input: z.ZodType;
  readonly comment?: string;
  readonly queryLanguage?: QueryLanguage;
  readonly timeoutSeconds?: number;
}

/** What a chain has built so far. */
export interface FlowState {
  readonly fragment: Fragment;
  /** Schema of the value flowing out of the open exits. */
  readonly current: z.ZodType;
  /** Schemas of values that already end the execution (Succeed states). */
  readonly finished: readonly z.ZodType[];
  /** Schema of each workflow variable assigned so far. */
  readonly vars: Readonly<Record<string, z.ZodType>>;
  /** The last placed state and the schema of its input (for `goto`, Retry and Catch). */
  readonly last?: { readonly node: StateNode; readonly input: z.ZodType };
  readonly settings: WorkflowSettings;
}

/** The selector scope (context object, variables) of `state`. */
export function scopeOf<In, Vars>(state: FlowState): Scope<In, Vars> {
  return makeScope(state.settings.input, state.vars);
}

/** `current` with `value` at `key` (ResultPath `$.key`). */
export function placeSchema(current: z.ZodType, key: string, value: z.ZodType): z.ZodType {
  return current instanceof z.ZodObject ? current.extend({ [key]: value }) : z.looseObject({ [key]: value });
}

/** The variables after an `Assign` whose template is `assign`. */
export function assignedVars(state: FlowState, assign: Template | undefined): Readonly<Record<string, z.ZodType>> {
  if (assign === undefined) return state.vars;
  const schema = templateSchema(assign);
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  return { ...state.vars, ...shape };
}

/** The result options as the user wrote them, with types erased. */
export interface ResultOptionFns {
  readonly resultSelector?: (result: never, scope: never) => unknown;
  readonly into?: string;
  readonly discardResult?: boolean;
  readonly outputPath?: (output: never) => unknown;
  readonly assign?: (result: never, scope: never) => unknown;
}

/** Calls a selector with proxies (its parameter types are checked where the options are declared). */
export function callSelector(fn: ((...args: never[]) => unknown) | undefined, ...args: unknown[]): unknown {
  // The selector's parameters are the proxies its declared type describes.
  return fn === undefined ? undefined : (fn as (...values: unknown[]) => unknown)(...args);
}

/** Resolves the result options of a Task, Parallel or Map whose raw result is described by `result`. */
export function resolveResult(state: FlowState, result: z.ZodType, options: ResultOptionFns) {
  const scope = scopeOf(state);
  const selector = callSelector(options.resultSelector, pathProxy("result", result), scope) as Template | undefined;
  const selected = selector === undefined ? result : templateSchema(selector);
  const placement: Placement =
    options.discardResult === true
      ? { kind: "discard" }
      : options.into === undefined
        ? { kind: "replace" }
        : { kind: "into", key: options.into };
  const placed =
    placement.kind === "discard"
      ? state.current
      : placement.kind === "into"
        ? placeSchema(state.current, placement.key, selected)
        : selected;
  const outputPath = callSelector(options.outputPath, pathProxy("value", placed)) as Expr<unknown> | undefined;
  const assign = callSelector(options.assign, pathProxy("result", selected), scope) as Template | undefined;
  const spec: ResultSpec = {
    ...(selector === undefined ? {} : { selector }),
    placement,
    ...(outputPath === undefined ? {} : { outputPath }),
  };
  return {
    spec,
    assign,
    output: outputPath === undefined ? placed : schemaOf(outputPath),
    vars: assignedVars(state, assign),
  };
}

/** The schema of the union of `schemas` (`never` when empty). */
export function unionOf(schemas: readonly z.ZodType[]): z.ZodType {
  const distinct = [...new Set(schemas)];
  const [first, second, ...rest] = distinct;
  if (first === undefined) return z.never();
  if (second === undefined) return first;
  return z.union([first, second, ...rest]);
}
