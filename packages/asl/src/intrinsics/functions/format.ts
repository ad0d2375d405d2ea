import type { JsonValue } from "../../model/json.js";
import type { IntrinsicArgument } from "../ast.js";
import { defineIntrinsic } from "../define.js";
import { isJsonObject } from "../values.js";

/** A piece of a States.Format template: literal text or a `{}` placeholder. */
type TemplatePart = { readonly text: string } | { readonly placeholder: true };

/**
 * Splits a template into text and placeholders. In a string literal `\{` and `\}` are literal braces, so
 * `'\{}'` has no placeholder; a template read from a path is taken as it is.
 */
export function formatTemplateParts(template: string, node: IntrinsicArgument | undefined): TemplatePart[] {
  const literal = node?.kind === "string";
  const source = literal ? node.raw : template;
  const parts: TemplatePart[] = [];
  let text = "";
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (literal && c === "\\") {
      text += source.charAt(i + 1);
      i++;
    } else if (c === "{" && source.charAt(i + 1) === "}") {
      parts.push({ text }, { placeholder: true });
      text = "";
      i++;
    } else {
      text += c;
    }
  }
  parts.push({ text });
  return parts;
}

/**
 * The text a value stands for in a formatted string: strings without quotes; numbers, booleans and null
 * as in JSON; arrays and objects the way Step Functions' Java runtime prints them (`[1, 2]`, `{a=1}`).
 */
export function formatValue(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${formatValue(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value);
}

const countPlaceholders = (parts: readonly TemplatePart[]) => parts.filter((part) => "placeholder" in part).length;

/**
 * `States.Format(template, value…)`: replaces each `{}` in the template with the next value.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
 */
export const statesFormat = defineIntrinsic({
  name: "States.Format",
  parameters: [{ name: "template", types: ["string"] }],
  rest: { name: "value", types: ["any"] },
  returns: "string",
  relate(values, nodes) {
    const template = values[0];
    if (typeof template !== "string") return undefined;
    const placeholders = countPlaceholders(formatTemplateParts(template, nodes[0]));
    const given = values.length - 1;
    return placeholders === given
      ? undefined
      : `the template has ${placeholders} {} placeholder${placeholders === 1 ? "" : "s"} but ${given} value${given === 1 ? " was" : "s were"} given`;
  },
  evaluate([template], values, { nodes }) {
    let next = 0;
    return formatTemplateParts(template, nodes[0])
      .map((part) => ("placeholder" in part ? formatValue(values[next++] ?? null) : part.text))
      .join("");
  },
});
