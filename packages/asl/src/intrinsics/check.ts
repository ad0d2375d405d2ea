import type { JsonValue } from "../model/json.js";
import { type IntrinsicCall, isIntrinsicLiteral } from "./ast.js";
import { arityMessage, type IntrinsicFunction } from "./define.js";
import { INTRINSIC_FUNCTION_NAMES, lookupIntrinsic } from "./registry.js";
import { describeTypes, typesOverlap } from "./values.js";

/** A problem found without running the call; `offset`/`end` delimit the offending text. */
export interface IntrinsicProblem {
  readonly offset: number;
  readonly end: number;
  readonly message: string;
}

/**
 * Static checks of a parsed call, nested calls included: unknown functions, argument counts, literal
 * argument types and constraints (e.g. `States.ArrayPartition($.a, 0)`, a `States.Format` template whose
 * placeholders do not match its values), and nested calls whose result type cannot fit their parameter.
 * Path arguments are not resolved; their values are checked at run time.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export function checkIntrinsic(call: IntrinsicCall): IntrinsicProblem[] {
  const problems: IntrinsicProblem[] = [];
  checkCall(call, problems);
  return problems;
}

function checkCall(call: IntrinsicCall, problems: IntrinsicProblem[]): void {
  // Nested calls are checked whatever happens to this one.
  for (const arg of call.args) if (arg.kind === "call") checkCall(arg, problems);

  const spec = lookupIntrinsic(call.name);
  if (spec === undefined) {
    problems.push({ offset: call.offset, end: call.end, message: unknownFunctionMessage(call.name) });
    return;
  }
  if (call.args.length < spec.minArgs || call.args.length > spec.maxArgs) {
    const message = arityMessage(spec.name, spec.minArgs, spec.maxArgs, call.args.length);
    problems.push({ offset: call.offset, end: call.end, message });
    return;
  }
  const before = problems.length;
  const values: (JsonValue | undefined)[] = call.args.map((arg, index) => {
    if (isIntrinsicLiteral(arg)) {
      const problem = spec.checkArgument(index, arg.value);
      if (problem !== undefined) problems.push({ offset: arg.offset, end: arg.end, message: `${spec.name}: ${problem}` });
      return arg.value;
    }
    if (arg.kind === "call") checkNestedResult(spec, index, arg, problems);
    return undefined;
  });
  if (problems.length > before) return;
  const related = spec.relate(values, call.args);
  if (related !== undefined) problems.push({ offset: call.offset, end: call.end, message: `${spec.name}: ${related}` });
}

function checkNestedResult(spec: IntrinsicFunction, index: number, nested: IntrinsicCall, problems: IntrinsicProblem[]) {
  const nestedSpec = lookupIntrinsic(nested.name);
  const parameter = spec.parameters[index] ?? spec.rest;
  if (nestedSpec === undefined || parameter === undefined) return;
  if (parameter.types.some((type) => typesOverlap(nestedSpec.returns, type))) return;
  problems.push({
    offset: nested.offset,
    end: nested.end,
    message: `${spec.name}: the ${parameter.name} (argument ${index + 1}) must be ${describeTypes(parameter.types)}, but ${nested.name} returns ${describeTypes([nestedSpec.returns])}`,
  });
}

function unknownFunctionMessage(name: string): string {
  const lower = name.toLowerCase();
  const suggestion = INTRINSIC_FUNCTION_NAMES.find((known) => known.toLowerCase() === lower);
  return suggestion === undefined
    ? `Unknown intrinsic function ${name}; the intrinsic functions are ${INTRINSIC_FUNCTION_NAMES.join(", ")}`
    : `Unknown intrinsic function ${name}; did you mean ${suggestion}? (names are case-sensitive)`;
}
