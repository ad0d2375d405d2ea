/** One problem found in a definition: where (RFC 6901 JSON pointer) and what. */
export interface DefinitionProblem {
  readonly pointer: string;
  readonly message: string;
}

/**
 * A workflow that Step Functions would refuse. `name` is the error name the
 * service uses for such definitions; `problems` lists every issue found.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html#API_CreateStateMachine_Errors
 */
export class InvalidDefinitionError extends Error {
  override readonly name = "States.InvalidDefinition";
  readonly problems: readonly DefinitionProblem[];

  constructor(problems: readonly DefinitionProblem[]) {
    super(
      `invalid state machine definition:\n${problems.map((p) => `  ${p.pointer || "(root)"}: ${p.message}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

/** A builder call that cannot produce a valid definition (reported at the call, not at `build()`). */
export class BuilderError extends InvalidDefinitionError {
  constructor(message: string) {
    super([{ pointer: "", message }]);
    this.message = message;
  }
}
