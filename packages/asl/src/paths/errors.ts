/**
 * Errors of the JSONPath / reference-path module.
 *
 * @see https://states-language.net/spec.html#path
 */

/**
 * A path string that is not a valid JSONPath (or not a valid reference path where one is required).
 * Step Functions refuses such a definition when it is created, so the name is the definition error.
 */
export class PathSyntaxError extends Error {
  override readonly name = "States.InvalidDefinition";
  /** The path text that failed to parse. */
  readonly path: string;
  /** Zero-based offset in `path` where the problem was found. */
  readonly position: number;

  constructor(path: string, position: number, problem: string) {
    super(`Invalid path '${path}' at offset ${position}: ${problem}`);
    this.path = path;
    this.position = position;
  }
}
