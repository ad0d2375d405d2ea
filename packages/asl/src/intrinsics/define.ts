import type { JsonValue } from "../model/json.js";
import type { IntrinsicArgument } from "./ast.js";
import { IntrinsicFailure, InvalidIntrinsicCall } from "./errors.js";
import { describeTypes, describeValue, hasType, jsonTypeOf, type ValueOf, type ValueType } from "./values.js";

/**
 * The typed registry entry of one intrinsic function: parameters with types and constraints (used both by
 * the static checks and at run time), and the implementation, which receives arguments already checked.
 */

/** One positional parameter. */
export interface ParameterSpec<T extends ValueType = ValueType> {
  /** Name used in messages, e.g. `chunk size`. */
  readonly name: string;
  readonly types: readonly T[];
  /** Trailing parameters may be optional. */
  readonly optional?: boolean;
  /** A further constraint on a value of the right type; returns why the value is refused. */
  refine?(value: ValueOf<T>): string | undefined;
}

/**
 * Builds a parameter whose `refine` sees the value with its checked type (`number` for `integer`, …).
 * Plain object literals work too when there is no `refine`.
 */
export function parameter<const T extends ValueType>(spec: ParameterSpec<T>): ParameterSpec<T> {
  return spec;
}

type ArgumentOf<P> = P extends ParameterSpec<infer T>
  ? P extends { readonly optional: true }
    ? ValueOf<T> | undefined
    : ValueOf<T>
  : never;

/** The checked argument tuple the implementation receives. */
export type ArgumentsOf<P extends readonly ParameterSpec[]> = { readonly [K in keyof P]: ArgumentOf<P[K]> };

type RestOf<R> = R extends ParameterSpec<infer T> ? readonly ValueOf<T>[] : readonly [];

/** What an implementation may use besides its arguments. */
export interface IntrinsicContext {
  /** The argument nodes, for functions that treat literals specially (States.Format's escaped braces). */
  readonly nodes: readonly IntrinsicArgument[];
  /** Uniform random number in [0, 1). */
  readonly random: () => number;
  /** A v4 UUID. */
  readonly uuid: () => string;
}

/** Declaration of one function, as written in `functions/*.ts`. */
export interface IntrinsicDeclaration<P extends readonly ParameterSpec[], R extends ParameterSpec | undefined> {
  readonly name: string;
  readonly parameters: P;
  /** Parameter repeated for any further arguments (States.Array, States.Format). */
  readonly rest?: R;
  /** Type of the result, so a nested call's result can be checked against the parameter it feeds. */
  readonly returns: ValueType;
  /**
   * Checks that relate several arguments (placeholder count, range size, index within bounds). Values not
   * known statically are `undefined`; only called once every known argument has the right type.
   */
  relate?(values: readonly (JsonValue | undefined)[], nodes: readonly IntrinsicArgument[]): string | undefined;
  evaluate(args: ArgumentsOf<P>, rest: RestOf<R>, context: IntrinsicContext): JsonValue;
}

/** A registry entry with its types erased, so all functions fit in one map. */
export interface IntrinsicFunction {
  readonly name: string;
  readonly parameters: readonly ParameterSpec[];
  readonly rest: ParameterSpec | undefined;
  readonly returns: ValueType;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Problem with one argument value, or `undefined` when it is acceptable (type and constraint). */
  checkArgument(index: number, value: JsonValue): string | undefined;
  relate(values: readonly (JsonValue | undefined)[], nodes: readonly IntrinsicArgument[]): string | undefined;
  /** Checks every argument, then runs the function. Throws {@link IntrinsicFailure} for bad values. */
  invoke(values: readonly JsonValue[], context: IntrinsicContext): JsonValue;
}

export function defineIntrinsic<
  const P extends readonly ParameterSpec[],
  const R extends ParameterSpec | undefined = undefined,
>(declaration: IntrinsicDeclaration<P, R>): IntrinsicFunction {
  const { name, parameters, returns } = declaration;
  const rest: ParameterSpec | undefined = declaration.rest;
  const minArgs = parameters.filter((parameter) => parameter.optional !== true).length;
  const maxArgs = rest === undefined ? parameters.length : Number.POSITIVE_INFINITY;

  const parameterAt = (index: number): ParameterSpec | undefined => parameters[index] ?? rest;

  const checkArgument = (index: number, value: JsonValue): string | undefined => {
    const parameter = parameterAt(index);
    if (parameter === undefined) return `${name} takes at most ${parameters.length} arguments`;
    const label = `the ${parameter.name} (argument ${index + 1})`;
    if (!parameter.types.some((type) => hasType(value, type))) {
      return `${label} must be ${describeTypes(parameter.types)}, but received ${jsonTypeOf(value)} ${describeValue(value)}`;
    }
    const refused = parameter.refine?.(value);
    return refused === undefined ? undefined : `${label} ${refused}, but received ${describeValue(value)}`;
  };

  const relate = (values: readonly (JsonValue | undefined)[], nodes: readonly IntrinsicArgument[]) =>
    declaration.relate?.(values, nodes);

  return {
    name,
    parameters,
    rest,
    returns,
    minArgs,
    maxArgs,
    checkArgument,
    relate,
    invoke(values, context) {
      if (values.length < minArgs || values.length > maxArgs) {
        throw new InvalidIntrinsicCall(0, arityMessage(name, minArgs, maxArgs, values.length));
      }
      values.forEach((value, index) => {
        const problem = checkArgument(index, value);
        if (problem !== undefined) throw new IntrinsicFailure(`Invalid arguments in ${name}: ${problem}`);
      });
      const related = relate(values, context.nodes);
      if (related !== undefined) throw new IntrinsicFailure(`Invalid arguments in ${name}: ${related}`);
      const fixed = parameters.map((_, index) => values[index]);
      // Sound: every value was checked against its parameter's types just above.
      return declaration.evaluate(
        fixed as unknown as ArgumentsOf<P>,
        values.slice(parameters.length) as unknown as RestOf<R>,
        context,
      );
    },
  };
}

/** "States.MathAdd takes 2 arguments, but 3 were given". */
export function arityMessage(name: string, min: number, max: number, given: number): string {
  const expected =
    min === max
      ? `${min} argument${min === 1 ? "" : "s"}`
      : max === Number.POSITIVE_INFINITY
        ? `at least ${min} argument${min === 1 ? "" : "s"}`
        : `${min} to ${max} arguments`;
  return `${name} takes ${expected}, but ${given} ${given === 1 ? "was" : "were"} given`;
}
