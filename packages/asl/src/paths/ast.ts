/**
 * The syntax tree of a JSONPath as Step Functions accepts it (Jayway JsonPath dialect).
 *
 * @see https://states-language.net/spec.html#path
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
import type { JsonValue } from "../model/json.js";

/** What a path starts from: the state input (`$`), the context object (`$$`) or a workflow variable (`$name`). */
export type PathRoot = { kind: "input" } | { kind: "context" } | { kind: "variable"; name: string };

/** One step of a path. */
export type PathSegment =
  | { kind: "name"; name: string }
  | { kind: "index"; index: number }
  | { kind: "wildcard" }
  | { kind: "slice"; start: number | undefined; end: number | undefined; step: number | undefined }
  | { kind: "names"; names: string[] }
  | { kind: "indices"; indices: number[] }
  | { kind: "descendant"; step: PathSegment }
  | { kind: "filter"; expression: FilterExpression };

/** An operand in a filter expression. */
export type FilterOperand =
  | { kind: "literal"; value: JsonValue }
  | { kind: "current"; segments: PathSegment[] }
  | { kind: "root"; segments: PathSegment[] };

/** A filter expression, `[?( … )]`. */
export type FilterExpression =
  | { kind: "exists"; operand: FilterOperand }
  | { kind: "compare"; operator: "==" | "!=" | "<" | "<=" | ">" | ">="; left: FilterOperand; right: FilterOperand }
  | { kind: "and" | "or"; left: FilterExpression; right: FilterExpression }
  | { kind: "not"; operand: FilterExpression };

/** A parsed path. */
export interface ParsedPath {
  /** The original text. */
  text: string;
  root: PathRoot;
  segments: PathSegment[];
  /**
   * `true` when the path selects at most one node (names and indices only). Indefinite paths (wildcards, slices,
   * unions, filters, `..`) always produce an array, as in Jayway JsonPath.
   */
  definite: boolean;
}
