/** A definition problem as the validator and the engine report it. */
export interface DefinitionProblem {
  readonly pointer: string;
  readonly message: string;
}

/** The state a JSON pointer points into (`/States/song/Next` → `song`; the innermost for nested graphs). */
export function stateOf(pointer: string): string | undefined {
  const parts = pointer.split("/");
  const index = parts.lastIndexOf("States");
  const name = index >= 0 ? parts[index + 1] : undefined;
  return name?.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `pointer (state name): message`, for people to act on. */
export function describeProblem(problem: DefinitionProblem): string {
  const state = stateOf(problem.pointer);
  return `${problem.pointer || "/"}${state === undefined ? "" : ` (state ${state})`}: ${problem.message}`;
}
