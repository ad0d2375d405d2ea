/**
 * The Choice state node. Rules render as JSONPath data-test expressions or as
 * JSONata `Condition` strings.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import type { ChoiceExpression, ChoiceRule, ChoiceState, JsonValue } from "../../model/index.js";
import type { ConditionNode } from "../conditions.js";
import { BuilderError } from "../errors.js";
import { isExpr, isPath } from "../expr.js";
import type { StateNode } from "../graph.js";
import { type ExprScope, jsonataLiteral, renderExpr } from "../render-expr.js";
import type { Template } from "../template.js";
import { commonFields, type NodeOptions, nodeBase } from "./common.js";
import { allJsonataRoots, renderAssign, scopeFor } from "./io.js";

/** One rule of a Choice state; its target is the link at `rule:<index>`. */
export interface ChoiceRuleSpec {
  readonly condition: ConditionNode;
  readonly comment?: string;
}

/** Everything a Choice node renders, besides its targets. */
export interface ChoiceSpec extends NodeOptions {
  readonly rules: readonly ChoiceRuleSpec[];
  /** State-level `Assign` (runs when no rule matches and `Default` is taken). */
  readonly assign?: Template;
}

/** A Choice state. */
export function choiceNode(spec: ChoiceSpec): StateNode {
  return {
    ...nodeBase("Choice", spec),
    type: "Choice",
    render: (context): ChoiceState => {
      const { language } = context;
      const choices = spec.rules.map((rule, index): ChoiceRule => {
        const next = context.target(`rule:${index}`);
        if (next === undefined) throw new BuilderError(`choice rule ${index} of "${spec.name ?? "Choice"}" leads nowhere`);
        const comment = rule.comment === undefined ? {} : { Comment: rule.comment };
        if (language === "JSONata") {
          return { Condition: `{% ${jsonataCondition(rule.condition)} %}`, ...comment, Next: next };
        }
        return { ...jsonPathCondition(rule.condition), ...comment, Next: next };
      });
      const fallback = context.target("default");
      return {
        Type: "Choice",
        ...commonFields(spec),
        Choices: choices,
        ...(fallback === undefined ? {} : { Default: fallback }),
        ...renderAssign(spec.assign, language, "input"),
      };
    },
  };
}

const jsonPathScope: ExprScope = scopeFor("JSONPath", "Choices", { input: "$", context: "$$" });

function jsonPathCondition(node: ConditionNode): ChoiceExpression {
  switch (node.kind) {
    case "and":
      return { And: node.conditions.map(jsonPathCondition) };
    case "or":
      return { Or: node.conditions.map(jsonPathCondition) };
    case "not":
      return { Not: jsonPathCondition(node.condition) };
    case "rawJsonata":
      throw new BuilderError("cond.unsafeJsonata() cannot be used in a JSONPath state");
    case "test": {
      if (!isPath(node.variable)) throw new BuilderError("a Choice rule's Variable must be a path");
      const value: JsonValue = isExpr(node.value) ? renderExpr(node.value, jsonPathScope) : node.value;
      // One operator per rule, as the spec requires.
      return { Variable: renderExpr(node.variable, jsonPathScope), [node.operator]: value } as ChoiceExpression;
    }
  }
}

const jsonataScope: ExprScope = scopeFor("JSONata", "Condition", allJsonataRoots);
const comparison: Readonly<Record<string, string>> = {
  Equals: "=",
  LessThan: "<",
  GreaterThan: ">",
  LessThanEquals: "<=",
  GreaterThanEquals: ">=",
};
const timestampPattern = String.raw`/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/`;

/** The JSONata text equivalent to a JSONPath data test. */
function jsonataCondition(node: ConditionNode): string {
  switch (node.kind) {
    case "and":
    case "or":
      return `(${node.conditions.map(jsonataCondition).join(` ${node.kind} `)})`;
    case "not":
      return `$not(${jsonataCondition(node.condition)})`;
    case "rawJsonata":
      return node.expression;
    case "test":
      return jsonataTest(node.operator, renderExpr(node.variable, jsonataScope), node.value);
  }
}

function jsonataTest(operator: string, variable: string, value: JsonValue | Template): string {
  const operand = isExpr(value) ? renderExpr(value, jsonataScope) : jsonataLiteral(value, "Condition");
  const negate = (test: string) => (value === false ? `$not(${test})` : test);
  switch (operator) {
    case "IsPresent":
      return negate(`$exists(${variable})`);
    case "IsNull":
      return negate(`(${variable} = null)`);
    case "IsNumeric":
      return negate(`($type(${variable}) = "number")`);
    case "IsString":
      return negate(`($type(${variable}) = "string")`);
    case "IsBoolean":
      return negate(`($type(${variable}) = "boolean")`);
    case "IsTimestamp":
      return negate(`($type(${variable}) = "string" and $contains(${variable}, ${timestampPattern}))`);
    case "StringMatches":
      return `$contains(${variable}, ${wildcardRegex(String(value))})`;
  }
  const match = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/.exec(operator);
  const [, family, test] = match ?? [];
  const symbol = test === undefined ? undefined : comparison[test];
  if (family === undefined || symbol === undefined) throw new BuilderError(`unknown Choice operator ${operator}`);
  if (family === "Timestamp") return `($toMillis(${variable}) ${symbol} $toMillis(${operand}))`;
  return `(${variable} ${symbol} ${operand})`;
}

/** `StringMatches` pattern → anchored JSONata regex: `*` is any run, `\*` a star, `\\` a backslash. */
function wildcardRegex(pattern: string): string {
  let body = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? "";
    if (c === "\\" && i + 1 < pattern.length) {
      body += escapeRegex(pattern[++i] ?? "");
    } else body += c === "*" ? ".*" : escapeRegex(c);
  }
  return `/^${body}$/`;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
