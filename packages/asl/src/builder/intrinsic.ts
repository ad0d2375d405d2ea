/**
 * Typed intrinsic functions for payload templates: `intrinsic.format("Hi {}", $.name)`
 * renders as `States.Format('Hi {}', $.name)` in JSONPath states (and as the
 * equivalent JSONata in JSONata states). Arguments are typed: an array function
 * refuses a string path.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import * as z from "zod";
import { type Expr, FormatTemplate, makeExpr, schemaOf } from "./expr.js";
import { type Resolve, templateSchema } from "./template.js";

/** A value or an expression producing it. */
export type Arg<T> = Expr<T> | T;

/** A hash algorithm of `States.Hash`. */
export type IntrinsicHashAlgorithm = "MD5" | "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

function callOf<T>(name: string, schema: z.ZodType, ...args: unknown[]): Expr<T> {
  return makeExpr<T>({ kind: "intrinsic", name: `States.${name}`, args }, schema);
}

function elementSchema(array: Expr<readonly unknown[]>): z.ZodType {
  const schema = schemaOf(array);
  return schema instanceof z.ZodArray ? (schema.element as z.ZodType) : z.unknown();
}

/** Typed constructors of `States.*` intrinsic calls. */
export const intrinsic = {
  /** `States.Format(template, values…)`: `{}` in `template` is replaced by each value in turn. */
  format(template: string, ...values: Arg<string | number | boolean | null>[]): Expr<string> {
    return callOf("Format", z.string(), new FormatTemplate(template), ...values);
  },
  /** `States.StringToJson(text)`: parses JSON text. */
  stringToJson<T = unknown>(text: Arg<string>): Expr<T> {
    return callOf("StringToJson", z.unknown(), text);
  },
  /** `States.JsonToString(value)`: serializes a value. */
  jsonToString(value: Expr<unknown>): Expr<string> {
    return callOf("JsonToString", z.string(), value);
  },
  /** `States.Array(items…)`. */
  array<const A extends readonly (Expr<unknown> | string | number | boolean | null)[]>(...items: A): Expr<Resolve<A>> {
    return callOf("Array", templateSchema(items), ...items);
  },
  /** `States.ArrayPartition(array, size)`: chunks of `size` items. */
  arrayPartition<T>(array: Expr<readonly T[]>, size: Arg<number>): Expr<T[][]> {
    return callOf("ArrayPartition", z.array(z.array(elementSchema(array))), array, size);
  },
  /** `States.ArrayContains(array, value)`. */
  arrayContains<T>(array: Expr<readonly T[]>, value: Arg<T>): Expr<boolean> {
    return callOf("ArrayContains", z.boolean(), array, value);
  },
  /** `States.ArrayRange(start, end, step)`: at most 1,000 numbers. */
  arrayRange(start: Arg<number>, end: Arg<number>, step: Arg<number>): Expr<number[]> {
    return callOf("ArrayRange", z.array(z.number()), start, end, step);
  },
  /** `States.ArrayGetItem(array, index)`. */
  arrayGetItem<T>(array: Expr<readonly T[]>, index: Arg<number>): Expr<T> {
    return callOf("ArrayGetItem", elementSchema(array), array, index);
  },
  /** `States.ArrayLength(array)`. */
  arrayLength(array: Expr<readonly unknown[]>): Expr<number> {
    return callOf("ArrayLength", z.number().int(), array);
  },
  /** `States.ArrayUnique(array)`. */
  arrayUnique<T>(array: Expr<readonly T[]>): Expr<T[]> {
    return callOf("ArrayUnique", z.array(elementSchema(array)), array);
  },
  /** `States.Base64Encode(text)`. */
  base64Encode(text: Arg<string>): Expr<string> {
    return callOf("Base64Encode", z.string(), text);
  },
  /** `States.Base64Decode(base64)`. */
  base64Decode(base64: Arg<string>): Expr<string> {
    return callOf("Base64Decode", z.string(), base64);
  },
  /** `States.Hash(data, algorithm)`: hex digest. */
  hash(data: Arg<unknown>, algorithm: IntrinsicHashAlgorithm): Expr<string> {
    return callOf("Hash", z.string(), data, algorithm);
  },
  /** `States.JsonMerge(a, b, false)`: shallow merge, `b` wins (deep merge is not supported by Step Functions). */
  jsonMerge<A extends object, B extends object>(a: Expr<A>, b: Expr<B>): Expr<Omit<A, keyof B> & B> {
    return callOf("JsonMerge", z.looseObject({}), a, b, false);
  },
  /** `States.MathRandom(start, end[, seed])`: an integer from `start` to `end`. */
  mathRandom(start: Arg<number>, end: Arg<number>, seed?: Arg<number>): Expr<number> {
    return callOf("MathRandom", z.number().int(), start, end, ...(seed === undefined ? [] : [seed]));
  },
  /** `States.MathAdd(a, b)`. */
  mathAdd(a: Arg<number>, b: Arg<number>): Expr<number> {
    return callOf("MathAdd", z.number(), a, b);
  },
  /** `States.StringSplit(text, delimiters)`: splits at any of the delimiter characters. */
  stringSplit(text: Arg<string>, delimiters: Arg<string>): Expr<string[]> {
    return callOf("StringSplit", z.array(z.string()), text, delimiters);
  },
  /** `States.UUID()`: a random v4 UUID. */
  uuid(): Expr<string> {
    return callOf("UUID", z.string());
  },
} as const;
