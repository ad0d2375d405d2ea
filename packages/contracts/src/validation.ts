import type * as z from "zod";

/**
 * Thrown when a value does not match its contract. `name` is the error name
 * Step Functions sees (`States.TaskFailed` is never used for this: a Catch can
 * match `InvalidInput` by name).
 */
export class InvalidInput extends Error {
  override readonly name = "InvalidInput";
  /** One entry per problem: the field path (`(root)` for the whole value) and what was wrong. */
  readonly issues: readonly ContractIssue[];

  constructor(contract: string, issues: readonly ContractIssue[]) {
    super(`${contract}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.issues = issues;
  }
}

/** One failed check of a contract. */
export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/** Renders zod issues as `field.path: message` entries. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): ContractIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? "(root)" : issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/**
 * Parses `value` with `schema`, throwing {@link InvalidInput} that names every
 * wrong field when it does not match.
 */
export function parseContract<S extends z.ZodType>(contract: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInput(contract, describeIssues(result.error.issues));
  return result.data;
}
