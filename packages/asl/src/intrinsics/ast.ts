/**
 * Syntax tree of an intrinsic function call, as written in a JSONPath-mode payload template
 * (`"key.$": "States.Format('{}', $.name)"`).
 *
 * Every node carries `offset` and `end`: character offsets into the parsed text (end exclusive),
 * so the validator can point at the exact argument that is wrong.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

interface NodeBase {
  /** Offset of the node's first character in the parsed text. */
  readonly offset: number;
  /** Offset just past the node's last character. */
  readonly end: number;
}

/** `States.Name(arg, …)`. */
export interface IntrinsicCall extends NodeBase {
  readonly kind: "call";
  /** Full function name as written, e.g. `States.Format`. */
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
}

/** `'text'`: `value` has the escapes resolved, `raw` is the text between the quotes as written. */
export interface IntrinsicString extends NodeBase {
  readonly kind: "string";
  readonly value: string;
  readonly raw: string;
}

export interface IntrinsicNumber extends NodeBase {
  readonly kind: "number";
  readonly value: number;
}

export interface IntrinsicBoolean extends NodeBase {
  readonly kind: "boolean";
  readonly value: boolean;
}

export interface IntrinsicNull extends NodeBase {
  readonly kind: "null";
  readonly value: null;
}

/**
 * A path argument, kept as written: `$.a.b`, `$['a b']`, `$.list[0]`, `$$.Execution.Id` (context object)
 * or `$name.field` (workflow variable). The caller resolves it.
 */
export interface IntrinsicPath extends NodeBase {
  readonly kind: "path";
  readonly path: string;
}

/** A literal argument: its value is known without any input. */
export type IntrinsicLiteral = IntrinsicString | IntrinsicNumber | IntrinsicBoolean | IntrinsicNull;

export type IntrinsicArgument = IntrinsicLiteral | IntrinsicPath | IntrinsicCall;

/** True for string, number, boolean and null arguments. */
export function isIntrinsicLiteral(node: IntrinsicArgument): node is IntrinsicLiteral {
  return node.kind !== "call" && node.kind !== "path";
}

/** Every path argument in a call, nested calls included, in source order. */
export function intrinsicPaths(call: IntrinsicCall): IntrinsicPath[] {
  const paths: IntrinsicPath[] = [];
  for (const arg of call.args) {
    if (arg.kind === "path") paths.push(arg);
    else if (arg.kind === "call") paths.push(...intrinsicPaths(arg));
  }
  return paths;
}
