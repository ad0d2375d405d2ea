/** One thing wrong with a definition, located by JSON pointer. */
export interface GraphProblem {
  readonly pointer: string;
  readonly message: string;
}

/**
 * The definition cannot be drawn: a transition names a state that does not
 * exist in its scope, or a name is used twice. Named like the error Step
 * Functions reports for such a definition.
 *
 * @see https://states-language.net/spec.html#state-machine-structure
 */
export class GraphDefinitionError extends Error {
  override readonly name = "States.InvalidDefinition";
  readonly problems: readonly GraphProblem[];

  constructor(problems: readonly GraphProblem[]) {
    super(`invalid definition:\n${problems.map((p) => `  ${p.pointer || "/"}: ${p.message}`).join("\n")}`);
    this.problems = problems;
  }
}
