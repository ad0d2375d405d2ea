/**
 * Readable one-line text for Choice rules, used as edge labels.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { ChoiceExpression, ChoiceRule, JsonValue } from "@statecraft/asl";

/** Comparison operator family → symbol (`StringLessThan` → `<`). */
const comparisonSymbols: readonly (readonly [suffix: string, symbol: string])[] = [
  ["LessThanEquals", "<="],
  ["GreaterThanEquals", ">="],
  ["LessThan", "<"],
  ["GreaterThan", ">"],
  ["Equals", "=="],
];

/** Type tests → the words for `true` and `false`. */
const typeTestWords: Readonly<Record<string, readonly [string, string]>> = {
  IsNull: ["is null", "is not null"],
  IsPresent: ["is present", "is absent"],
  IsNumeric: ["is numeric", "is not numeric"],
  IsString: ["is a string", "is not a string"],
  IsBoolean: ["is a boolean", "is not a boolean"],
  IsTimestamp: ["is a timestamp", "is not a timestamp"],
};

/** Keys of a rule that are not its operator. */
const ruleKeys = new Set(["Variable", "Next", "Assign", "Comment", "Output"]);

function literal(value: JsonValue | undefined): string {
  return JSON.stringify(value ?? null);
}

function describeDataTest(rule: Record<string, unknown>): string {
  const variable = typeof rule.Variable === "string" ? rule.Variable : "?";
  const operator = Object.keys(rule).find((key) => !ruleKeys.has(key));
  if (operator === undefined) return variable;
  const operand = rule[operator] as JsonValue | undefined;
  const typeTest = typeTestWords[operator];
  if (typeTest !== undefined) return `${variable} ${operand === false ? typeTest[1] : typeTest[0]}`;
  if (operator === "StringMatches") return `${variable} matches ${literal(operand)}`;
  const byPath = operator.endsWith("Path");
  const base = byPath ? operator.slice(0, -"Path".length) : operator;
  const symbol = comparisonSymbols.find(([suffix]) => base.endsWith(suffix))?.[1] ?? operator;
  const right = byPath ? String(operand) : literal(operand);
  return `${variable} ${symbol} ${right}`;
}

function describeExpression(expression: ChoiceExpression, nested: boolean): string {
  if ("And" in expression || "Or" in expression) {
    const [word, parts] = "And" in expression ? ["and", expression.And] : ["or", expression.Or];
    const text = parts.map((part) => describeExpression(part, true)).join(` ${word} `);
    return nested ? `(${text})` : text;
  }
  if ("Not" in expression) return `not ${describeExpression(expression.Not, true)}`;
  return describeDataTest(expression as Record<string, unknown>);
}

/**
 * Describes a top-level Choice rule: a JSONata `Condition` without its `{% %}`
 * delimiters, or a JSONPath rule as e.g. `$.song == "gangnam style"`,
 * `$.n >= 3 and $.ok is present`, `not $.x is null`.
 */
export function describeChoiceRule(rule: ChoiceRule): string {
  if ("Condition" in rule) {
    const condition = rule.Condition;
    if (typeof condition === "boolean") return String(condition);
    const match = /^\{%([\s\S]*)%\}$/.exec(condition.trim());
    return (match?.[1] ?? condition).trim();
  }
  return describeExpression(rule, false);
}
