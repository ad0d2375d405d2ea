/**
 * Collects the rules of a Choice state. Each rule has a typed condition over
 * the current value and a branch; the branches run when the Choice is placed,
 * and those that do not end join after it with the union of their types.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import type { AnyFlow, Entered, FlowCurrent, FlowDone, FlowVars, Join } from "./chain-types.js";
import type { Chain } from "./chain.js";
import type { Condition } from "./conditions.js";
import type { ConditionFn } from "./options.js";

declare const choiceTypes: unique symbol;

/** A branch: starts from the current value, passes a value on or ends. */
export type BranchFn<In, Cur, Vars> = (branch: Chain<In, Cur, never, Vars, Entered<Cur>>) => AnyFlow;

/** One collected rule. */
export interface CollectedRule {
  readonly condition: (input: never, scope: never) => Condition;
  readonly branch: (branch: never) => AnyFlow;
  readonly comment?: string;
}

/**
 * The rules of a Choice. `Joined`, `Done` and `JoinedVars` accumulate what the
 * branches pass on, what they end with, and their variables.
 */
export class ChoiceRules<In, Cur, Vars, Joined = never, Done = never, JoinedVars = never> {
  declare readonly [choiceTypes]: { joined: Joined; done: Done; vars: JoinedVars; closed: false };
  /** @internal */
  readonly rules: readonly CollectedRule[];
  /** @internal */
  readonly otherwiseBranch: ((branch: never) => AnyFlow) | undefined;

  /** @internal */
  constructor(rules: readonly CollectedRule[], otherwise?: (branch: never) => AnyFlow) {
    this.rules = rules;
    this.otherwiseBranch = otherwise;
  }

  /** A rule: when `condition` holds, run `branch`. */
  when<R extends AnyFlow>(
    condition: ConditionFn<In, Cur, Vars>,
    branch: (branch: Chain<In, Cur, never, Vars, Entered<Cur>>) => R,
    options: { readonly comment?: string } = {},
  ): ChoiceRules<In, Cur, Vars, Join<Joined, FlowCurrent<R>>, Join<Done, FlowDone<R>>, JoinedVars | FlowVars<R>> {
    const rule: CollectedRule = {
      condition,
      branch,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    };
    return new ChoiceRules([...this.rules, rule]);
  }

  /** `Default`: the branch taken when no rule matches (without it, no match fails with `States.NoChoiceMatched`). */
  otherwise<R extends AnyFlow>(
    branch: (branch: Chain<In, Cur, never, Vars, Entered<Cur>>) => R,
  ): ChoiceComplete<Join<Joined, FlowCurrent<R>>, Join<Done, FlowDone<R>>, JoinedVars | FlowVars<R>> {
    return new ChoiceComplete(this.rules, branch);
  }
}

/** The rules of a Choice with its `Default` branch: no more rules can be added. */
export class ChoiceComplete<Joined, Done, JoinedVars> {
  declare readonly [choiceTypes]: { joined: Joined; done: Done; vars: JoinedVars; closed: true };
  /** @internal */
  readonly rules: readonly CollectedRule[];
  /** @internal */
  readonly otherwiseBranch: (branch: never) => AnyFlow;

  /** @internal */
  constructor(rules: readonly CollectedRule[], otherwise: (branch: never) => AnyFlow) {
    this.rules = rules;
    this.otherwiseBranch = otherwise;
  }
}

/** Either form of collected rules. */
export interface AnyChoiceRules {
  readonly [choiceTypes]: { joined: unknown; done: unknown; vars: unknown; closed: boolean };
  readonly rules: readonly CollectedRule[];
  readonly otherwiseBranch: ((branch: never) => AnyFlow) | undefined;
}

/** What the branches of `R` pass on, end with, and assign. */
export type ChoiceJoined<R> = R extends { readonly [choiceTypes]: { joined: infer J } } ? J : never;
export type ChoiceDone<R> = R extends { readonly [choiceTypes]: { done: infer D } } ? D : never;
export type ChoiceVars<R> = R extends { readonly [choiceTypes]: { vars: infer V } } ? V : never;
