import type { IntrinsicArgument, IntrinsicCall, IntrinsicPath, IntrinsicString } from "./ast.js";
import { IntrinsicSyntaxError } from "./errors.js";

/**
 * Hand-written recursive-descent parser for intrinsic function calls.
 *
 * Grammar (whitespace is allowed between tokens):
 * ```
 * call     := name "(" [ argument ( "," argument )* ] ")"
 * name     := "States." identifier
 * argument := call | string | number | "true" | "false" | "null" | path
 * string   := "'" ( char | "\'" | "\{" | "\}" | "\\" )* "'"
 * path     := "$" …  (kept as written, up to the next top-level "," or ")")
 * ```
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

/** Step Functions allows up to 10 intrinsic functions nested in one field. */
export const MAX_INTRINSIC_NESTING = 10;


const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const CALL_SHAPE = /^\s*States\.[A-Za-z_][A-Za-z0-9_]*\s*\(/;

/**
 * True when `text` has the shape of an intrinsic call (`States.Name(` …). It does not check the rest:
 * use it to decide between the intrinsic parser and the JSONPath parser for a `.$` value, then let
 * {@link parseIntrinsic} report what is wrong.
 */
export function isIntrinsicCall(text: string): boolean {
  return CALL_SHAPE.test(text);
}

/**
 * Parses an intrinsic function call.
 *
 * @throws IntrinsicSyntaxError with the offset of the first problem.
 */
export function parseIntrinsic(text: string): IntrinsicCall {
  return new Parser(text).parseTopLevel();
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseTopLevel(): IntrinsicCall {
    this.skipSpaces();
    if (!this.startsIdentifier()) {
      throw this.error(this.pos, "expected an intrinsic function call such as States.Format(…)");
    }
    const call = this.parseCall(1);
    this.skipSpaces();
    if (this.pos < this.text.length) {
      throw this.error(this.pos, `unexpected ${this.describeHere()} after the end of the call`);
    }
    return call;
  }

  private parseCall(depth: number): IntrinsicCall {
    const offset = this.pos;
    const name = this.readIdentifier();
    if (!name.startsWith("States.") || name.split(".").length !== 2) {
      throw this.error(offset, `'${name}' is not an intrinsic function name (expected States.<Name>)`);
    }
    if (depth > MAX_INTRINSIC_NESTING) {
      throw this.error(offset, `intrinsic functions can be nested at most ${MAX_INTRINSIC_NESTING} deep`);
    }
    this.skipSpaces();
    if (this.peek() !== "(") throw this.error(this.pos, `expected '(' after ${name}, found ${this.describeHere()}`);
    this.pos++;
    const args: IntrinsicArgument[] = [];
    this.skipSpaces();
    if (this.peek() === ")") {
      this.pos++;
      return { kind: "call", name, args, offset, end: this.pos };
    }
    for (;;) {
      this.skipSpaces();
      args.push(this.parseArgument(depth));
      this.skipSpaces();
      const next = this.peek();
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === ")") {
        this.pos++;
        return { kind: "call", name, args, offset, end: this.pos };
      }
      throw this.error(this.pos, `expected ',' or ')' in the arguments of ${name}, found ${this.describeHere()}`);
    }
  }

  private parseArgument(depth: number): IntrinsicArgument {
    const offset = this.pos;
    const c = this.peek();
    if (c === "'") return this.parseString();
    if (c === "$") return this.parsePath();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.parseNumber();
    if (this.startsIdentifier()) {
      const save = this.pos;
      const word = this.readIdentifier();
      if (word === "true" || word === "false") {
        this.expectArgumentEnd(word);
        return { kind: "boolean", value: word === "true", offset, end: this.pos };
      }
      if (word === "null") {
        this.expectArgumentEnd(word);
        return { kind: "null", value: null, offset, end: this.pos };
      }
      this.pos = save;
      return this.parseCall(depth + 1);
    }
    if (c === '"') throw this.error(offset, "string literals use single quotes ('text'), not double quotes");
    throw this.error(offset, `expected an argument (string, number, boolean, null, path or call), found ${this.describeHere()}`);
  }

  private parseString(): IntrinsicString {
    const offset = this.pos;
    this.pos++; // opening quote
    let value = "";
    while (this.pos < this.text.length) {
      const c = this.text.charAt(this.pos);
      if (c === "'") {
        const raw = this.text.slice(offset + 1, this.pos);
        this.pos++;
        return { kind: "string", value, raw, offset, end: this.pos };
      }
      if (c === "\\") {
        // A backslash makes the next character literal. The AWS guide names \' \{ \} \\ as the escapes of
        // reserved characters; Step Functions also accepts others (StringSplit('Hello\nWorld', '\n') runs and
        // gives ["Hello", "World"]: localstack test_generic.snapshot.json, test_escape_sequence, recorded on AWS).
        const escaped = this.text.charAt(this.pos + 1);
        if (escaped === "") throw this.error(this.pos, "a lone backslash at the end of a string literal");
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += c;
      this.pos++;
    }
    throw this.error(offset, "unterminated string literal (missing closing ')");
  }

  private parseNumber(): IntrinsicArgument {
    const offset = this.pos;
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) throw this.error(offset, `invalid number starting at ${this.describeHere()}`);
    this.pos += match[0].length;
    this.expectArgumentEnd(match[0]);
    return { kind: "number", value: Number(match[0]), offset, end: this.pos };
  }

  /** Reads a path up to the next "," or ")" outside brackets, honouring quoted names inside brackets. */
  private parsePath(): IntrinsicPath {
    const offset = this.pos;
    // Offsets of the open "[" and "(" (the latter only inside brackets, as in filters).
    const open: number[] = [];
    while (this.pos < this.text.length) {
      const c = this.text.charAt(this.pos);
      if (open.length === 0 && (c === "," || c === ")" || /\s/.test(c))) break;
      if (c === "[" || (open.length > 0 && c === "(")) {
        open.push(this.pos);
      } else if (c === "]" || c === ")") {
        const opener = open.pop();
        if (opener === undefined) throw this.error(this.pos, `unbalanced '${c}' in path`);
        const expected = this.text.charAt(opener) === "[" ? "]" : ")";
        if (c !== expected) throw this.error(opener, `unterminated '${this.text.charAt(opener)}' in path`);
      } else if (open.length > 0 && (c === "'" || c === '"')) {
        this.skipQuotedInPath(c);
        continue;
      }
      this.pos++;
    }
    const unclosed = open.pop();
    if (unclosed !== undefined) throw this.error(unclosed, `unterminated '${this.text.charAt(unclosed)}' in path`);
    return { kind: "path", path: this.text.slice(offset, this.pos), offset, end: this.pos };
  }

  private skipQuotedInPath(quote: string): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text.charAt(this.pos);
      if (c === "\\") {
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (c === quote) return;
    }
    throw this.error(start, `unterminated quoted name in path (missing closing ${quote})`);
  }

  /** After a number or keyword the argument must end; catches `12abc` or `trueish`. */
  private expectArgumentEnd(token: string): void {
    const save = this.pos;
    this.skipSpaces();
    const c = this.peek();
    if (c !== "," && c !== ")" && c !== undefined) {
      throw this.error(save, `unexpected ${this.describeHere()} after ${token}`);
    }
    this.pos = save;
  }

  private readIdentifier(): string {
    IDENTIFIER.lastIndex = this.pos;
    const match = IDENTIFIER.exec(this.text);
    if (match === null) throw this.error(this.pos, `expected a name, found ${this.describeHere()}`);
    this.pos += match[0].length;
    return match[0];
  }

  private startsIdentifier(): boolean {
    const c = this.peek();
    return c !== undefined && /[A-Za-z_]/.test(c);
  }

  private skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text.charAt(this.pos))) this.pos++;
  }

  private peek(): string | undefined {
    return this.pos < this.text.length ? this.text.charAt(this.pos) : undefined;
  }

  private describeHere(): string {
    const c = this.peek();
    return c === undefined ? "the end of the text" : `'${c}'`;
  }

  private error(offset: number, reason: string): IntrinsicSyntaxError {
    return new IntrinsicSyntaxError(this.text, offset, reason);
  }
}
