/**
 * Where paths read from: the state input (`$`), the context object (`$$`) and workflow variables (`$name`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
import { type CompiledPath, compilePath, type JsonValue } from "@statecraft/asl";

/** What `$$` and `$name` paths read. Built lazily: most states never touch the context object. */
export interface PathEnv {
  /** The context object (`$$`). */
  contextObject(): JsonValue;
  /** A workflow variable's value, or `undefined` when it was never assigned. */
  variable(name: string): JsonValue | undefined;
  /** Random number in [0, 1) for intrinsics. */
  random(): number;
  /** A v4 UUID for intrinsics. */
  uuid(): string;
}

/** An environment with an empty context object and no variables (for pure pipeline use, e.g. TestState). */
export const emptyEnv: PathEnv = {
  contextObject: () => ({}),
  variable: () => undefined,
  random: Math.random,
  uuid: () => crypto.randomUUID(),
};

/** Selects with a compiled path from the document its root names. `undefined` when nothing matches. */
export function selectPath(path: CompiledPath, input: JsonValue, env: PathEnv): JsonValue | undefined {
  switch (path.root.kind) {
    case "input":
      return path.select(input);
    case "context":
      return path.select(env.contextObject());
    case "variable": {
      const value = env.variable(path.root.name);
      return value === undefined ? undefined : path.select(value);
    }
  }
}

const cache = new Map<string, CompiledPath>();

/** Compiles a path once per process (for the string-taking public helpers and intrinsic arguments). */
export function cachedPath(text: string): CompiledPath {
  let compiled = cache.get(text);
  if (compiled === undefined) {
    compiled = compilePath(text);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, compiled);
  }
  return compiled;
}
