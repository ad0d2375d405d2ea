/**
 * Problems found in a definition, each located by an RFC 6901 JSON pointer.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
import type { DefinitionProblem } from "../builder/errors.js";

export type { DefinitionProblem };

/** Escapes one reference token of a JSON pointer (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `base` extended with `tokens`. */
export function pointerOf(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((token) => `/${escapeToken(token)}`).join("");
}

/** Collects problems. */
export class Problems {
  readonly list: DefinitionProblem[] = [];

  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }
}

/** `value` as a plain object, or `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
