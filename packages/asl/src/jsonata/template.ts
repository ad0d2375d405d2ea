import type { JsonataExpression } from "../model/states.js";

/**
 * The `{% … %}` delimiters of JSONata-mode ASL. A string is an expression only when it starts with `{%`
 * and ends with `%}` exactly (no surrounding spaces); any other string is a literal.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
const DELIMITED = /^\{%([\s\S]*)%\}$/;

/** Whether `value` is a `{% … %}` JSONata expression string. */
export function isJsonataTemplate(value: unknown): value is JsonataExpression {
  return typeof value === "string" && DELIMITED.test(value);
}

/** The expression between the delimiters and its offset in the delimited string (always 2). */
export interface JsonataBody {
  readonly expression: string;
  readonly offset: number;
}

/**
 * The JSONata text of an ASL string: the part between `{%` and `%}` for a delimited string, the whole
 * text otherwise (a bare expression). `offset` maps positions in `expression` back to `text`.
 */
export function jsonataBody(text: string): JsonataBody {
  const match = DELIMITED.exec(text);
  return match === null ? { expression: text, offset: 0 } : { expression: match[1] ?? "", offset: 2 };
}
