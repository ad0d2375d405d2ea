/**
 * Turns zod issues into AWS-style `ValidationException` messages that name the
 * field, e.g. `1 validation error detected: Value at 'stateMachineArn' failed to
 * satisfy constraint: Member must not be null`.
 */
import type * as z from "zod";
import { ValidationException } from "./errors.js";

function constraint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "Member must not be null"
        : `Member must be of type ${issue.expected}`;
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? `Member must have length less than or equal to ${String(issue.maximum)}`
        : `Member must have value less than or equal to ${String(issue.maximum)}`;
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? `Member must have length greater than or equal to ${String(issue.minimum)}`
        : `Member must have value greater than or equal to ${String(issue.minimum)}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    default:
      return issue.message;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    out += typeof key === "number" ? `.${key + 1}.member` : `${out === "" ? "" : "."}${String(key)}`;
  }
  return out === "" ? "(body)" : out.replace(/^\./, "");
}

/**
 * Parses a request body with `schema`. Throws {@link ValidationException}
 * listing every wrong member by name.
 */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const fast = schema.safeParse(body);
  if (fast.success) return fast.data;
  // Parse again, keeping the offending values, only to word the error.
  const result = schema.safeParse(body, { reportInput: true });
  const issues = result.error?.issues ?? fast.error.issues;
  const details = issues.map((issue) => {
    const shown = typeof issue.input === "string" || typeof issue.input === "number" ? ` '${String(issue.input)}'` : "";
    return `Value${shown.length > 200 ? "" : shown} at '${fieldPath(issue.path)}' failed to satisfy constraint: ${constraint(issue)}`;
  });
  const count = `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected`;
  throw new ValidationException(`${count}: ${details.join("; ")}`);
}
