/**
 * The shape of Choice rules: in JSONPath, `Variable` and exactly one operator
 * whose value has the operator's type (or a path for `…Path` operators), or
 * `And`/`Or`/`Not`; nested rules carry no `Next`. In JSONata, a `Condition`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import { comparisonOperators, pathComparisonOperators, typeTestOperators } from "../model/index.js";
import { RFC3339 } from "./field-rules.js";
import { asRecord, pointerOf, type Problems } from "./problems.js";

const operators = new Set<string>([...comparisonOperators, ...pathComparisonOperators, ...typeTestOperators]);
const ruleFields = new Set(["Next", "Assign", "Output", "Comment"]);

/** Checks every rule of a Choice state's `Choices`. */
export function checkChoiceRules(choices: readonly unknown[], pointer: string, problems: Problems): void {
  choices.forEach((rule, index) => {
    checkRule(rule, pointerOf(pointer, index), true, problems);
  });
}

function checkRule(value: unknown, pointer: string, topLevel: boolean, problems: Problems): void {
  const rule = asRecord(value);
  if (rule === undefined) {
    problems.add(pointer, "a choice rule must be an object");
    return;
  }
  if (topLevel && typeof rule.Next !== "string") problems.add(pointerOf(pointer, "Next"), "a choice rule needs Next");
  if (!topLevel) {
    for (const field of ["Next", "Assign", "Output"]) {
      if (field in rule) problems.add(pointerOf(pointer, field), `a nested rule cannot have ${field}`);
    }
  }
  if ("Assign" in rule && asRecord(rule.Assign) === undefined) problems.add(pointerOf(pointer, "Assign"), "must be an object");
  if ("Comment" in rule && typeof rule.Comment !== "string") problems.add(pointerOf(pointer, "Comment"), "must be a string");
  if ("Condition" in rule) {
    const condition = rule.Condition;
    if (typeof condition !== "boolean" && typeof condition !== "string") problems.add(pointerOf(pointer, "Condition"), "must be a JSONata expression or a boolean");
    for (const key of Object.keys(rule)) {
      if (key !== "Condition" && !ruleFields.has(key)) problems.add(pointerOf(pointer, key), `field "${key}" is not allowed next to Condition`);
    }
    return;
  }
  const combinators = ["And", "Or", "Not"].filter((key) => key in rule);
  const tests = Object.keys(rule).filter((key) => operators.has(key));
  const unknown = Object.keys(rule).filter((key) => !operators.has(key) && !ruleFields.has(key) && key !== "Variable" && !combinators.includes(key));
  for (const key of unknown) problems.add(pointerOf(pointer, key), `"${key}" is not a choice rule field or operator`);
  if (combinators.length + (("Variable" in rule || tests.length > 0) ? 1 : 0) !== 1) {
    problems.add(pointer, "a choice rule has exactly one of: Variable with an operator, And, Or, Not");
    return;
  }
  const [combinator] = combinators;
  if (combinator === "Not") {
    checkRule(rule.Not, pointerOf(pointer, "Not"), false, problems);
  } else if (combinator !== undefined) {
    const list = rule[combinator];
    if (!Array.isArray(list) || list.length === 0) {
      problems.add(pointerOf(pointer, combinator), "must be a non-empty array of rules");
    } else {
      list.forEach((inner, index) => {
        checkRule(inner, pointerOf(pointer, combinator, index), false, problems);
      });
    }
  } else {
    checkDataTest(rule, tests, pointer, problems);
  }
}

function checkDataTest(rule: Record<string, unknown>, tests: readonly string[], pointer: string, problems: Problems): void {
  if (typeof rule.Variable !== "string") problems.add(pointerOf(pointer, "Variable"), "a data-test rule needs a Variable path");
  const [operator, ...extra] = tests;
  if (operator === undefined) {
    problems.add(pointer, "a data-test rule needs an operator");
    return;
  }
  if (extra.length > 0) problems.add(pointer, `a rule has exactly one operator (found ${tests.join(", ")})`);
  const value = rule[operator];
  const at = pointerOf(pointer, operator);
  if (operator.endsWith("Path")) {
    if (typeof value !== "string") problems.add(at, "must be a path");
  } else if (operator.startsWith("Is") || operator === "BooleanEquals") {
    if (typeof value !== "boolean") problems.add(at, "must be a boolean");
  } else if (operator.startsWith("Numeric")) {
    if (typeof value !== "number") problems.add(at, "must be a number");
  } else if (typeof value !== "string") {
    problems.add(at, "must be a string");
  } else if (operator.startsWith("Timestamp") && !RFC3339.test(value)) {
    problems.add(at, `"${value}" is not an RFC 3339 timestamp`);
  }
}
