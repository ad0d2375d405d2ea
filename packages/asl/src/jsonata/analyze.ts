import { child, children, endOf, type JsonataNode, nestedNodes, text } from "./ast.js";
import { isJsonataBuiltin, STATES_VARIABLE } from "./builtins.js";

/** A `$name` the expression reads without binding it itself. Offsets are within the expression. */
export interface VariableReference {
  readonly name: string;
  readonly offset: number;
  readonly end: number;
}

/** A construct Step Functions refuses at definition time (`UNSUPPORTED_JSONATA_EXPRESSION`). */
export interface UnsupportedReference {
  readonly offset: number;
  readonly end: number;
  readonly message: string;
}

export interface JsonataAnalysis {
  /** Workflow variables read (neither `$states`, built-ins, nor bound inside the expression), in order. */
  readonly variables: readonly VariableReference[];
  /** `$states.<field>` fields read: input, result, errorOutput, context. */
  readonly statesFields: readonly string[];
  readonly unsupported: readonly UnsupportedReference[];
}

interface Scope {
  /** Variables bound by the expression itself (`$x := …`, function parameters, `@$i`, `#$i`). */
  readonly bound: Set<string>;
  /**
   * Whether the node is evaluated against the top-level context item. Step Functions runs expressions
   * without one, so a bare field name, `$` or `$$` there is refused.
   */
  readonly topLevel: boolean;
}

/** Properties evaluated against another context item (filters, stages, group-by objects). */
const CONTEXT_CHANGING = ["predicate", "stages", "group"] as const;
const NOT_CHILDREN = new Set<string>(["type", "value", "position", ...CONTEXT_CHANGING]);

/**
 * Walks a parsed expression with JSONata's scoping rules: blocks open a scope in which `$x := …` binds for
 * the following expressions, lambdas bind their parameters, and `@$v`/`#$i` bind for the rest of a path.
 */
export function analyzeJsonata(root: JsonataNode): JsonataAnalysis {
  const variables: VariableReference[] = [];
  const statesFields: string[] = [];
  const unsupported: UnsupportedReference[] = [];

  const visitAll = (value: unknown, scope: Scope) => {
    for (const node of nestedNodes(value)) visit(node, scope);
  };

  const visitVariable = (node: JsonataNode, scope: Scope) => {
    const name = text(node, "value") ?? "";
    const end = endOf(node);
    if (name === "$") {
      unsupported.push({ offset: end - 2, end, message: "Reference to '$$' is not supported." });
    } else if (name === "") {
      if (scope.topLevel) {
        unsupported.push({ offset: end - 1, end, message: "Reference to '$' at the top level is not supported." });
      }
    } else if (name !== STATES_VARIABLE && !scope.bound.has(name) && !isJsonataBuiltin(name)) {
      variables.push({ name, offset: end - name.length - 1, end });
    }
  };

  const visitPath = (node: JsonataNode, scope: Scope) => {
    const bound = new Set(scope.bound);
    const steps = children(node, "steps");
    steps.forEach((step, index) => {
      visit(step, { bound, topLevel: index === 0 && scope.topLevel });
      for (const key of ["focus", "index"]) {
        const name = text(step, key);
        if (name !== undefined) bound.add(name);
      }
    });
    const [first, second] = steps;
    if (
      first?.type === "variable" &&
      text(first, "value") === STATES_VARIABLE &&
      !scope.bound.has(STATES_VARIABLE) &&
      second?.type === "name"
    ) {
      const field = text(second, "value");
      if (field !== undefined && !statesFields.includes(field)) statesFields.push(field);
    }
  };

  const visit = (node: JsonataNode, scope: Scope): void => {
    switch (node.type) {
      case "variable":
        visitVariable(node, scope);
        break;
      case "name":
        if (scope.topLevel) {
          const name = text(node, "value") ?? "";
          const end = endOf(node);
          unsupported.push({
            offset: Math.max(0, end - name.length),
            end,
            message: `Reference to '${name}' at the top level is not supported.`,
          });
        }
        break;
      case "path":
        visitPath(node, scope);
        break;
      case "block": {
        const inner: Scope = { bound: new Set(scope.bound), topLevel: scope.topLevel };
        for (const expression of children(node, "expressions")) visit(expression, inner);
        break;
      }
      case "bind": {
        const lhs = child(node, "lhs");
        const name = lhs === undefined ? undefined : text(lhs, "value");
        const rhs = child(node, "rhs");
        // A function may call itself by the name it is being bound to.
        if (name !== undefined && rhs?.type === "lambda") scope.bound.add(name);
        if (rhs !== undefined) visit(rhs, scope);
        if (name !== undefined) scope.bound.add(name);
        break;
      }
      case "lambda": {
        const inner: Scope = { bound: new Set(scope.bound), topLevel: scope.topLevel };
        for (const parameter of children(node, "arguments")) {
          const name = text(parameter, "value");
          if (name !== undefined) inner.bound.add(name);
        }
        visitAll(node.body, inner);
        break;
      }
      case "transform":
        // |pattern|update, delete| runs against the object it is applied to.
        visitAll([node.pattern, node.update, node.delete], { bound: scope.bound, topLevel: false });
        break;
      default:
        for (const [key, value] of Object.entries(node)) if (!NOT_CHILDREN.has(key)) visitAll(value, scope);
    }
    const inner: Scope = { bound: scope.bound, topLevel: false };
    for (const key of CONTEXT_CHANGING) visitAll(node[key], inner);
  };

  visit(root, { bound: new Set(), topLevel: true });
  const bySource = (a: { offset: number }, b: { offset: number }) => a.offset - b.offset;
  return { variables: variables.sort(bySource), statesFields, unsupported: unsupported.sort(bySource) };
}
