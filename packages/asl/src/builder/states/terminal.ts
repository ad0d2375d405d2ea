/**
 * Succeed and Fail: states that end the execution (no transitions).
 *
 * @see https://states-language.net/spec.html#succeed-state
 * @see https://states-language.net/spec.html#fail-state
 */
import type { FailState, QueryLanguage, SucceedState } from "../../model/index.js";
import type { StateNode } from "../graph.js";

/** Options shared by every state the builder creates. */
export interface NodeOptions {
  /** The preferred state name; made unique at build. */
  readonly name?: string;
  readonly comment?: string;
  /** Overrides the machine's query language for this state. */
  readonly queryLanguage?: QueryLanguage;
}

/** `Comment` and `QueryLanguage` of a state, when given. */
export function commonFields(options: NodeOptions): { Comment?: string; QueryLanguage?: QueryLanguage } {
  return {
    ...(options.comment === undefined ? {} : { Comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { QueryLanguage: options.queryLanguage }),
  };
}

/** Node fields shared by every state. */
export function nodeBase(label: string, options: NodeOptions) {
  return {
    label: options.name ?? label,
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
    children: [],
  };
}

/** A Succeed state. */
export function succeedNode(options: NodeOptions & { readonly outputPath?: string; readonly output?: string }): StateNode {
  return {
    ...nodeBase("Succeed", options),
    type: "Succeed",
    render: (): SucceedState => ({ Type: "Succeed", ...commonFields(options) }),
  };
}

/** What a Fail state reports: literal strings, or a JSONPath `*Path` / JSONata expression. */
export interface FailSpec extends NodeOptions {
  readonly error?: string;
  readonly cause?: string;
}

/** A Fail state. */
export function failNode(spec: FailSpec): StateNode {
  return {
    ...nodeBase("Fail", spec),
    type: "Fail",
    render: (): FailState => ({
      Type: "Fail",
      ...commonFields(spec),
      ...(spec.error === undefined ? {} : { Error: spec.error }),
      ...(spec.cause === undefined ? {} : { Cause: spec.cause }),
    }),
  };
}
