import jsonata from "jsonata";

/**
 * A read-only view of the syntax tree `jsonata(expr).ast()` returns. jsonata's own typings describe it
 * loosely (`value?: any`), so this module reads nodes through narrow accessors instead.
 */
export interface JsonataNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

export function isJsonataNode(value: unknown): value is JsonataNode {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "type") === "string";
}

/** Parses `expression` (throws jsonata's error object on a syntax error). */
export function parseJsonata(expression: string): JsonataNode {
  const ast: unknown = jsonata(expression).ast();
  if (!isJsonataNode(ast)) throw new TypeError("jsonata returned a syntax tree without a type");
  return ast;
}

/** The child node under `key`, if it is one. */
export function child(node: JsonataNode, key: string): JsonataNode | undefined {
  const value = node[key];
  return isJsonataNode(value) ? value : undefined;
}

/** The child nodes in the array under `key` (entries that are not nodes are skipped). */
export function children(node: JsonataNode, key: string): JsonataNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isJsonataNode) : [];
}

/** A string property (`value` of names and variables, `focus`/`index` of tuple bindings). */
export function text(node: JsonataNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === "string" ? value : undefined;
}

/** jsonata positions point just past the token; this is the token's end offset in the expression. */
export function endOf(node: JsonataNode): number {
  const value = node.position;
  return typeof value === "number" ? value : 0;
}

/** Every node nested anywhere in `value` (arrays, object-constructor pairs, sort terms), outermost first. */
export function nestedNodes(value: unknown): JsonataNode[] {
  if (isJsonataNode(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(nestedNodes);
  if (typeof value === "object" && value !== null && !(value instanceof RegExp)) {
    return Object.values(value).flatMap(nestedNodes);
  }
  return [];
}
