/**
 * A recursive-descent parser for JSONPath in the Jayway dialect Step Functions uses: `$`, `$$` (context object),
 * `$name` (workflow variable), dot and bracket names, indices (negative from the end), `*`, slices, unions, `..`
 * and `[?( … )]` filters.
 *
 * @see https://states-language.net/spec.html#path
 */
import type { JsonValue } from "../model/json.js";
import type { FilterExpression, FilterOperand, ParsedPath, PathRoot, PathSegment } from "./ast.js";
import { PathSyntaxError } from "./errors.js";

const comparisonOperators = ["==", "!=", "<=", ">=", "<", ">"] as const;
type ComparisonOperator = (typeof comparisonOperators)[number];

/** Characters that end a dot-notation name. */
const nameStop = new Set([".", "[", "]", "(", ")", "'", '"', ",", " ", "\t", "\n", "\r", "?", "*", "=", "!", "<", ">", "&", "|"]);

class PathParser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(problem: string, at = this.pos): never {
    throw new PathSyntaxError(this.text, at, problem);
  }

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  eat(token: string): boolean {
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected '${token}'`);
  }

  skipSpaces(): void {
    while (this.peek() === " " || this.peek() === "\t") this.pos++;
  }

  parseRoot(): PathRoot {
    if (!this.eat("$")) this.fail("a path must start with '$'");
    if (this.eat("$")) return { kind: "context" };
    const start = this.pos;
    if (/[A-Za-z_]/.test(this.peek())) {
      while (/[A-Za-z0-9_]/.test(this.peek())) this.pos++;
      return { kind: "variable", name: this.text.slice(start, this.pos) };
    }
    return { kind: "input" };
  }

  /** Segments until the end of the text, or until `stop` says so (inside filters). */
  parseSegments(stop: () => boolean): PathSegment[] {
    const segments: PathSegment[] = [];
    while (this.pos < this.text.length && !stop()) {
      if (this.eat("..")) {
        if (this.peek() === "[") segments.push({ kind: "descendant", step: this.parseBracket() });
        else segments.push({ kind: "descendant", step: this.parseDotStep() });
      } else if (this.eat(".")) {
        // `$.abc.['def ghi']`: a bracket after a dot, as in the AWS paths guide (Jayway accepts it).
        segments.push(this.peek() === "[" ? this.parseBracket() : this.parseDotStep());
      } else if (this.peek() === "[") {
        segments.push(this.parseBracket());
      } else {
        this.fail(`unexpected character '${this.peek()}'`);
      }
    }
    return segments;
  }

  parseDotStep(): PathSegment {
    if (this.eat("*")) return { kind: "wildcard" };
    const start = this.pos;
    while (this.pos < this.text.length && !nameStop.has(this.peek())) this.pos++;
    if (this.pos === start) this.fail("expected a field name");
    // A Jayway function call at the tail (`$.list.length()`, `$.Jobs.sum()`): Step Functions accepts the definition and
    // reads it as a property named `length()`, which is not found when the state runs ("Invalid path
    // '$.list.length()' : Property ['length()'] not found in path $['list']", awsdocs/aws-step-functions-developer-guide#5).
    if (this.text.startsWith("()", this.pos)) this.pos += 2;
    return { kind: "name", name: this.text.slice(start, this.pos) };
  }

  parseBracket(): PathSegment {
    this.expect("[");
    this.skipSpaces();
    let segment: PathSegment;
    if (this.eat("*")) segment = { kind: "wildcard" };
    else if (this.eat("?")) {
      this.skipSpaces();
      this.expect("(");
      const expression = this.parseOr();
      this.skipSpaces();
      this.expect(")");
      segment = { kind: "filter", expression };
    } else if (this.peek() === "'" || this.peek() === '"') segment = this.parseNameList();
    else segment = this.parseIndexOrSlice();
    this.skipSpaces();
    this.expect("]");
    return segment;
  }

  parseNameList(): PathSegment {
    const names = [this.parseQuoted()];
    this.skipSpaces();
    while (this.eat(",")) {
      this.skipSpaces();
      names.push(this.parseQuoted());
      this.skipSpaces();
    }
    const [only] = names;
    return names.length === 1 && only !== undefined ? { kind: "name", name: only } : { kind: "names", names };
  }

  parseQuoted(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') this.fail("expected a quoted name");
    this.pos++;
    let value = "";
    while (this.pos < this.text.length && this.peek() !== quote) {
      if (this.peek() === "\\") {
        this.pos++;
        if (this.pos >= this.text.length) break;
      }
      value += this.peek();
      this.pos++;
    }
    if (!this.eat(quote)) this.fail("unterminated quoted name");
    return value;
  }

  parseInteger(): number | undefined {
    const match = /^-?\d+/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return Number(match[0]);
  }

  parseIndexOrSlice(): PathSegment {
    const first = this.parseInteger();
    this.skipSpaces();
    if (this.eat(":")) {
      this.skipSpaces();
      const end = this.parseInteger();
      this.skipSpaces();
      let step: number | undefined;
      if (this.eat(":")) {
        this.skipSpaces();
        step = this.parseInteger();
        if (step === 0) this.fail("a slice step cannot be 0");
      }
      return { kind: "slice", start: first, end, step };
    }
    if (first === undefined) this.fail("expected an index, a quoted name, '*', a slice or a filter");
    const indices = [first];
    while (this.eat(",")) {
      this.skipSpaces();
      const next = this.parseInteger();
      if (next === undefined) this.fail("expected an index");
      indices.push(next);
      this.skipSpaces();
    }
    return indices.length === 1 ? { kind: "index", index: first } : { kind: "indices", indices };
  }

  parseOr(): FilterExpression {
    let left = this.parseAnd();
    this.skipSpaces();
    while (this.eat("||")) {
      left = { kind: "or", left, right: this.parseAnd() };
      this.skipSpaces();
    }
    return left;
  }

  parseAnd(): FilterExpression {
    let left = this.parseUnary();
    this.skipSpaces();
    while (this.eat("&&")) {
      left = { kind: "and", left, right: this.parseUnary() };
      this.skipSpaces();
    }
    return left;
  }

  parseUnary(): FilterExpression {
    this.skipSpaces();
    if (this.peek() === "!" && this.peek(1) !== "=") {
      this.pos++;
      return { kind: "not", operand: this.parseUnary() };
    }
    if (this.eat("(")) {
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(")");
      return inner;
    }
    const left = this.parseOperand();
    this.skipSpaces();
    const operator = comparisonOperators.find((op) => this.text.startsWith(op, this.pos));
    if (operator === undefined) {
      if (left.kind === "literal") this.fail("a literal alone is not a condition");
      return { kind: "exists", operand: left };
    }
    this.pos += operator.length;
    this.skipSpaces();
    return { kind: "compare", operator: operator satisfies ComparisonOperator, left, right: this.parseOperand() };
  }

  parseOperand(): FilterOperand {
    const c = this.peek();
    const filterStop = () => {
      const next = this.peek();
      return next !== "." && next !== "[";
    };
    if (c === "@") {
      this.pos++;
      return { kind: "current", segments: this.parseSegments(filterStop) };
    }
    if (c === "$") {
      this.pos++;
      return { kind: "root", segments: this.parseSegments(filterStop) };
    }
    if (c === "'" || c === '"') return { kind: "literal", value: this.parseQuoted() };
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos));
    if (!literal) this.fail("expected '@', '$', a number, a string, true, false or null");
    this.pos += literal[0].length;
    return { kind: "literal", value: JSON.parse(literal[0]) as JsonValue };
  }
}

function isDefinite(segments: readonly PathSegment[]): boolean {
  return segments.every((segment) => segment.kind === "name" || segment.kind === "index");
}

/**
 * Parses a JSONPath. Throws {@link PathSyntaxError} (with the offset) when the text is not a path.
 *
 * @see https://states-language.net/spec.html#path
 */
export function parsePath(text: string): ParsedPath {
  const parser = new PathParser(text);
  const root = parser.parseRoot();
  const segments = parser.parseSegments(() => false);
  return { text, root, segments, definite: isDefinite(segments) };
}
