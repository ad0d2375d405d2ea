/**
 * The Map state node: runs its item processor once per item; the result is
 * the array of the iterations' outputs.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html
 */
import type { ItemProcessor, MapState } from "../../model/index.js";
import { type Expr, isExpr } from "../expr.js";
import type { Fragment, StateNode } from "../graph.js";
import type { Template } from "../template.js";
import { commonFields, inputPathField, jsonataField, type NodeOptions, nodeBase, numberField } from "./common.js";
import { renderErrorHandling } from "./error-handling.js";
import { assignJsonataRoots, renderAssign, renderInput, renderResult, type ResultSpec } from "./io.js";
import { transition } from "./transition.js";

/** How the iterations run. */
export type MapMode =
  | { readonly mode: "INLINE" }
  | { readonly mode: "DISTRIBUTED"; readonly executionType: "STANDARD" | "EXPRESS" };

/** Everything a Map node renders, besides its transitions and error handling. */
export interface MapSpec extends NodeOptions {
  readonly processor: Fragment;
  readonly processorMode: MapMode;
  /** The array to iterate (`ItemsPath` / JSONata `Items`). Default: the state input. */
  readonly items?: Expr<unknown>;
  /** What each iteration receives (`ItemSelector`). Default: the item. */
  readonly itemSelector?: Template;
  readonly maxConcurrency?: number | Expr<number>;
  readonly toleratedFailureCount?: number | Expr<number>;
  readonly toleratedFailurePercentage?: number | Expr<number>;
  /** Map Run label (Distributed mode). */
  readonly label?: string;
  readonly result: ResultSpec;
  readonly assign?: Template;
}

/** A Map state. */
export function mapNode(spec: MapSpec): StateNode {
  return {
    ...nodeBase("Map", spec),
    type: "Map",
    children: [spec.processor],
    render: (context): MapState => {
      const { language } = context;
      const graph = context.graph(spec.processor);
      const processor: ItemProcessor = {
        ...(spec.processorMode.mode === "INLINE"
          ? {}
          : { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: spec.processorMode.executionType } }),
        StartAt: graph.StartAt,
        States: graph.States,
      };
      const items =
        spec.items === undefined || !isExpr(spec.items)
          ? {}
          : language === "JSONata"
            ? { Items: jsonataField(spec.items, "Items") }
            : { ItemsPath: inputPathField(spec.items, "ItemsPath") };
      return {
        Type: "Map",
        ...commonFields(spec),
        ...items,
        ...renderInput(spec.itemSelector, language, "ItemSelector"),
        ItemProcessor: processor,
        ...numberField("MaxConcurrency", spec.maxConcurrency, language),
        ...numberField("ToleratedFailureCount", spec.toleratedFailureCount, language),
        ...numberField("ToleratedFailurePercentage", spec.toleratedFailurePercentage, language),
        ...(spec.label === undefined ? {} : { Label: spec.label }),
        ...renderResult(spec.result, language),
        ...renderAssign(spec.assign, language, "result", assignJsonataRoots(spec.result)),
        ...renderErrorHandling(context),
        ...transition(context),
      };
    },
  };
}
