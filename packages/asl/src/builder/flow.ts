/**
 * Entry point of the builder.
 *
 * @see https://states-language.net/spec.html
 */
import type * as z from "zod";
import type { QueryLanguage } from "../model/index.js";
import { Chain } from "./chain.js";
import { emptyFragment } from "./graph.js";

/** Options of {@link workflow}. */
export interface WorkflowOptions<In extends z.ZodType> {
  /** The execution input the workflow accepts. */
  readonly input: In;
  readonly comment?: string;
  /** The machine's query language. @default "JSONPath" */
  readonly queryLanguage?: QueryLanguage;
  /** The execution's `TimeoutSeconds`. */
  readonly timeoutSeconds?: number;
}

/**
 * Starts a workflow whose execution input is described by `options.input`.
 *
 * @example
 * workflow({ input: NameInput }).next(song).next(lyrics).build()
 */
export function workflow<In extends z.ZodType>(options: WorkflowOptions<In>): Chain<z.input<In>, z.input<In>> {
  return new Chain({ fragment: emptyFragment, current: options.input, finished: [], vars: {}, settings: options });
}
