/**
 * Estimates how wide a line of text is drawn, so nodes can be sized before
 * layout without a browser. Widths are em fractions measured on DejaVu Sans,
 * the widest face of the SVG's font stack, so text fits in all of them.
 */
const narrow = new Set("iljI.,:;'!|()[]{}` ");
const wide = new Set("mwMW@%");

function charWidth(char: string, bold: boolean): number {
  if (narrow.has(char)) return bold ? 0.38 : 0.32;
  if (wide.has(char)) return bold ? 1.02 : 0.92;
  if (char >= "A" && char <= "Z") return bold ? 0.77 : 0.7;
  if (char >= "0" && char <= "9") return bold ? 0.7 : 0.64;
  return bold ? 0.66 : 0.58;
}

/** Width in pixels of `text` at `fontSize` pixels, regular or bold (600). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char, bold);
  return Math.ceil(ems * fontSize);
}

/** Shortens `text` to at most `max` characters, ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
