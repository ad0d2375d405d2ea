/**
 * Collects every definition problem with a JSON pointer, so a bad definition is reported whole.
 */
import {
  type CompiledPath,
  type CompiledReferencePath,
  compilePath,
  compileReferencePath,
  PathSyntaxError,
} from "@statecraft/asl";

/** One problem: where (RFC 6901 JSON pointer into the definition) and what. */
export interface DefinitionProblem {
  pointer: string;
  message: string;
}

/** Appends keys to a JSON pointer, escaping `~` and `/`. */
export function pointerTo(base: string, ...keys: (string | number)[]): string {
  let pointer = base;
  for (const key of keys) pointer += `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
  return pointer;
}

/** A problem list with helpers that compile paths and record failures instead of throwing. */
export class Problems {
  readonly list: DefinitionProblem[] = [];

  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }

  /** Compiles a JSONPath; records a problem and returns `undefined` when it is invalid. */
  path(pointer: string, text: unknown): CompiledPath | undefined {
    if (typeof text !== "string") {
      this.add(pointer, "must be a JSONPath string");
      return undefined;
    }
    try {
      return compilePath(text);
    } catch (error) {
      if (error instanceof PathSyntaxError) {
        this.add(pointer, error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Compiles a reference path (ResultPath); records a problem and returns `undefined` when it is invalid. */
  referencePath(pointer: string, text: unknown): CompiledReferencePath | undefined {
    if (typeof text !== "string") {
      this.add(pointer, "must be a reference path string or null");
      return undefined;
    }
    try {
      return compileReferencePath(text);
    } catch (error) {
      if (error instanceof PathSyntaxError) {
        this.add(pointer, error.message);
        return undefined;
      }
      throw error;
    }
  }
}
