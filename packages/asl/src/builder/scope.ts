/**
 * What a selector can read besides the state's own data: the context object
 * (`$$` / `$states.context`) and the workflow variables (`$name`).
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import * as z from "zod";
import { BuilderError } from "./errors.js";
import { type PathProxy, pathProxy } from "./path-proxy.js";

/** The context object of an execution whose input has type `In`. */
export interface ContextObject<In> {
  readonly Execution: {
    readonly Id: string;
    readonly Input: In;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime?: string;
  };
  /** `RetryCount` only in the states that can retry (Task, Parallel, Map). */
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount?: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
  /** Only for `.waitForTaskToken` integrations. */
  readonly Task: { readonly Token: string };
}

/** The workflow variables assigned so far, as paths. */
export type VariableProxies<Vars> = { readonly [K in keyof Vars & string]: PathProxy<Vars[K]> };

/** The second argument of every selector. */
export interface Scope<In, Vars> {
  /** The context object (`$$`, or `$states.context` in JSONata). */
  readonly context: PathProxy<ContextObject<In>>;
  /** Workflow variables (`$name`). */
  readonly vars: VariableProxies<Vars>;
}

/** The context object's schema for an execution whose input is `input`. */
export function contextSchema(input: z.ZodType): z.ZodType {
  return z.object({
    Execution: z.object({
      Id: z.string(),
      Input: input,
      Name: z.string(),
      RoleArn: z.string(),
      StartTime: z.string(),
      RedriveCount: z.number(),
      RedriveTime: z.string().optional(),
    }),
    State: z.object({ EnteredTime: z.string(), Name: z.string(), RetryCount: z.number().optional() }),
    StateMachine: z.object({ Id: z.string(), Name: z.string() }),
    Task: z.object({ Token: z.string() }),
    Map: z.object({ Item: z.object({ Index: z.number(), Value: z.unknown() }) }),
  });
}

/** Builds the runtime scope: a context proxy and a proxy per known variable. */
export function makeScope<In, Vars>(input: z.ZodType, vars: Readonly<Record<string, z.ZodType>>): Scope<In, Vars> {
  const variables = new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name === "symbol") return undefined;
        const schema = vars[name];
        if (schema === undefined) throw new BuilderError(`variable "${name}" is read before any state assigns it`);
        return pathProxy({ variable: name }, schema);
      },
    },
  );
  return {
    context: pathProxy<ContextObject<In>>("context", contextSchema(input)),
    // Every key the type allows is answered by the proxy.
    vars: variables as VariableProxies<Vars>,
  };
}
