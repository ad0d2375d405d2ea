/**
 * Typed access to the data a state can read: `$.song.title` in TypeScript is a
 * {@link Ref} to that field, with the field's type. A missing field does not
 * compile. The runtime side is a Proxy that records the steps taken and the
 * zod schema of the value reached.
 */
import * as z from "zod";
import { BuilderError } from "./errors.js";
import { exprNode, exprSchema, type RefRoot, type RefStep, type Ref } from "./expr.js";

/**
 * The fields (or elements) reachable below a value of type `T`; a tuple (e.g.
 * Parallel results) keeps each position's type. Below an optional value every
 * path may find nothing, so its values also admit `undefined`.
 */
type Below<T> = undefined extends T ? BelowValue<NonNullable<T>, undefined> : BelowValue<T, never>;

/** Homomorphic mapped types (no key filtering), so large objects stay cheap to check. */
type BelowValue<T, Missing> = [T] extends [readonly unknown[]]
  ? number extends T["length"]
    ? { readonly [index: number]: PathProxy<T[number] | Missing> }
    : { readonly [I in keyof T & `${number}`]-?: PathProxy<T[I] | Missing> }
  : [T] extends [object]
    ? { readonly [K in keyof T]-?: PathProxy<T[K] | Missing> }
    : unknown;

/** A path to a value of type `T`, from which deeper paths are reached by property access. */
export type PathProxy<T> = Ref<T> & Below<T>;

/** Creates the path proxy for `root` whose value is described by `schema`. */
export function pathProxy<T>(root: RefRoot, schema: z.ZodType, steps: readonly RefStep[] = []): PathProxy<T> {
  const node = { kind: "path", root, steps } as const;
  const proxy = new Proxy(
    {},
    {
      get(_target, key) {
        if (key === exprNode) return node;
        if (key === exprSchema) return schema;
        if (typeof key === "symbol") return undefined;
        const step = stepFor(schema, key);
        return pathProxy(root, childSchema(schema, step), [...steps, step]);
      },
      has: (_target, key) => key === exprNode || key === exprSchema,
      set: () => {
        throw new BuilderError("paths are read-only: build a new value in the selector instead");
      },
    },
  );
  // The proxy answers every property the type allows.
  return proxy as PathProxy<T>;
}

/** A numeric key into an array or tuple is an index; any other key is a field name. */
function stepFor(schema: z.ZodType, key: string): RefStep {
  const base = unwrap(schema);
  const isIndex = /^(0|[1-9]\d*)$/.test(key);
  if (isIndex && (base instanceof z.ZodArray || base instanceof z.ZodTuple || !(base instanceof z.ZodObject))) {
    return Number(key);
  }
  return key;
}

/** The schema of the value at `step` below `schema` (`unknown` when it cannot be told). */
export function childSchema(schema: z.ZodType, step: RefStep): z.ZodType {
  const optional = schema.safeParse(undefined).success;
  const base = unwrap(schema);
  let child: z.ZodType = z.unknown();
  if (typeof step === "number") {
    if (base instanceof z.ZodArray) child = base.element as z.ZodType;
    else if (base instanceof z.ZodTuple) child = (base.def.items[step] as z.ZodType | undefined) ?? z.unknown();
  } else if (base instanceof z.ZodObject) {
    const shape = base.shape as Record<string, z.ZodType>;
    child = Object.hasOwn(shape, step) ? (shape[step] ?? z.unknown()) : z.unknown();
  } else if (base instanceof z.ZodRecord) {
    child = base.valueType as z.ZodType;
  }
  return optional && !(child instanceof z.ZodUnknown) ? child.optional() : child;
}

/** Looks through wrappers that do not change the shape of the JSON value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodReadonly) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}
