/**
 * EventBridge `wildcard` values: `*` matches zero or more characters, `\*` is
 * a literal asterisk and `\\` a literal backslash; two `*` in a row and any
 * other escape are invalid.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-wildcard-matching
 */

/** A parsed wildcard: the literal pieces between the `*`s (a pattern without `*` has one piece). */
export interface Wildcard {
  readonly pieces: readonly string[];
}

/** Parses a wildcard value, or returns a message saying why it is invalid. */
export function parseWildcard(value: string): Wildcard | string {
  const pieces: string[] = [];
  let current = "";
  let previousStar = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "*") {
      if (previousStar) return "consecutive wildcard characters are not allowed";
      pieces.push(current);
      current = "";
      previousStar = true;
      continue;
    }
    previousStar = false;
    if (char === "\\") {
      const next = value[i + 1];
      if (next !== "*" && next !== "\\") return "a backslash may only escape * or \\";
      current += next;
      i++;
      continue;
    }
    current += char;
  }
  pieces.push(current);
  return { pieces };
}

/** True when `text` matches the wildcard: the pieces appear in order, anchored at both ends. */
export function matchesWildcard(wildcard: Wildcard, text: string): boolean {
  const { pieces } = wildcard;
  const first = pieces[0] ?? "";
  if (pieces.length === 1) return text === first;
  const last = pieces[pieces.length - 1] ?? "";
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  // Greedy leftmost placement of the middle pieces is optimal for `*`-only patterns.
  let position = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? "";
    const found = text.indexOf(piece, position);
    if (found === -1 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}
