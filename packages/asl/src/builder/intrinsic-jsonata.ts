/**
 * Typed intrinsic calls also render in JSONata states, as the equivalent
 * JSONata expression (AWS's JSONata adds `$partition`, `$range`, `$hash`,
 * `$uuid`, `$parse`). Calls without an exact equivalent (`States.MathRandom`,
 * `States.StringSplit`) are refused.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import { BuilderError } from "./errors.js";
import { FormatTemplate } from "./expr.js";

type Translation = (args: readonly unknown[], render: (arg: unknown) => string, field: string) => string;

const call =
  (fn: string): Translation =>
  (args, render) =>
    `${fn}(${args.map(render).join(", ")})`;

const translations: Readonly<Record<string, Translation>> = {
  "States.Format": ([template, ...values], render, field) => {
    if (!(template instanceof FormatTemplate)) throw new BuilderError(`${field}: States.Format needs a literal template`);
    const parts = template.text.split("{}");
    if (parts.length - 1 !== values.length) {
      throw new BuilderError(`${field}: States.Format template has ${parts.length - 1} placeholders for ${values.length} values`);
    }
    const pieces = parts.flatMap((part, i) => {
      const value = values[i];
      const text = part === "" ? [] : [JSON.stringify(part)];
      return i < values.length ? [...text, `$string(${render(value)})`] : text;
    });
    return pieces.length === 0 ? '""' : `(${pieces.join(" & ")})`;
  },
  "States.StringToJson": call("$parse"),
  "States.JsonToString": call("$string"),
  "States.Array": (args, render) => `[${args.map(render).join(", ")}]`,
  "States.ArrayPartition": call("$partition"),
  "States.ArrayContains": ([array, value], render) => `(${render(value)} in ${render(array)})`,
  "States.ArrayRange": call("$range"),
  "States.ArrayGetItem": ([array, index], render) => `(${render(array)})[${render(index)}]`,
  "States.ArrayLength": call("$count"),
  "States.ArrayUnique": call("$distinct"),
  "States.Base64Encode": call("$base64encode"),
  "States.Base64Decode": call("$base64decode"),
  "States.Hash": call("$hash"),
  "States.JsonMerge": ([a, b], render) => `$merge([${render(a)}, ${render(b)}])`,
  "States.MathAdd": ([a, b], render) => `(${render(a)} + ${render(b)})`,
  "States.UUID": () => "$uuid()",
};

/** The JSONata expression equivalent to the intrinsic call `name(args…)`. */
export function intrinsicToJsonata(
  name: string,
  args: readonly unknown[],
  render: (arg: unknown) => string,
  field: string,
): string {
  const translate = translations[name];
  if (translate === undefined) throw new BuilderError(`${field}: ${name} has no JSONata equivalent`);
  return translate(args, render, field);
}
