/**
 * JSONata-mode Pass, Succeed, Wait, Fail and Choice. Without `Output` they pass their input on.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { checkTarget, type RawState, type StateCompileContext, transition } from "../../compile/common.js";
import { pointerTo } from "../../compile/problems.js";
import { NoChoiceMatched, QueryEvaluationError } from "../../errors.js";
import type { CompiledState } from "../../runtime/compiled.js";
import { parseTimestamp } from "../choice-rules.js";
import { FailStateError } from "../fail.js";
import { checkedOutput, compileExit, evaluateExit, type JsonataExit } from "./common.js";
import { compileJsonataField, type JsonataField, numberField, optionalJsonataField } from "./fields.js";

export function compileJsonataPass(state: RawState, ctx: StateCompileContext): CompiledState {
  const exit = compileExit(state, ctx.pointer, ctx);
  const next = transition(state, ctx);
  const name = ctx.name;
  return {
    name,
    type: "Pass",
    eventPrefix: "Pass",
    async run(scope, _visit, input) {
      const { output, assigned } = await evaluateExit(exit, scope, input, input);
      return { output: checkedOutput(output, scope, name), next, assigned };
    },
  };
}

export function compileJsonataSucceed(state: RawState, ctx: StateCompileContext): CompiledState {
  const exit = compileExit(state, ctx.pointer, ctx);
  const name = ctx.name;
  return {
    name,
    type: "Succeed",
    eventPrefix: "Succeed",
    async run(scope, _visit, input) {
      const { output } = await evaluateExit(exit, scope, input, input);
      return { output: checkedOutput(output, scope, name), next: undefined };
    },
  };
}

/** The largest `Seconds` Step Functions accepts in a Wait state (about 3.2 years; an execution still ends after one). */
const maxWaitSeconds = 99_999_999;

export function compileJsonataWait(state: RawState, ctx: StateCompileContext): CompiledState {
  const seconds = optionalJsonataField(state, "Seconds", ctx.pointer, ctx.problems);
  const timestamp = optionalJsonataField(state, "Timestamp", ctx.pointer, ctx.problems);
  if ((seconds === undefined) === (timestamp === undefined)) ctx.problems.add(ctx.pointer, "needs exactly one of Seconds, Timestamp");
  const exit = compileExit(state, ctx.pointer, ctx);
  const next = transition(state, ctx);
  const name = ctx.name;
  return {
    name,
    type: "Wait",
    eventPrefix: "Wait",
    async run(scope, _visit, input) {
      const runtime = scope.runtime;
      const now = runtime.clock.now();
      let ms = 0;
      if (seconds !== undefined) {
        ms = ((await numberField(seconds, "Seconds", scope, input, { min: 0, max: maxWaitSeconds, integer: true })) ?? 0) * 1000;
      } else if (timestamp !== undefined) {
        const value = await timestamp(scope, input);
        const time = parseTimestamp(value);
        if (time === undefined) {
          // Cause as recorded against Step Functions (localstack test_base_scenarios.snapshot.json, test_wait_timestamp_jsonata).
          throw new QueryEvaluationError(
            `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof value === "string" ? value : JSON.stringify(value)}`,
          );
        }
        ms = Math.max(0, time - now);
      }
      const { output, assigned } = await evaluateExit(exit, scope, input, input);
      await runtime.clock.sleep(ms, scope.signal);
      runtime.checkDeadline();
      runtime.throwIfHalted();
      return { output: checkedOutput(output, scope, name), next, assigned };
    },
  };
}

async function failText(field: JsonataField | undefined, label: string, scope: Parameters<JsonataField>[0], input: JsonValue): Promise<string | undefined> {
  if (field === undefined) return undefined;
  const value = await field(scope, input);
  if (typeof value !== "string") throw new QueryEvaluationError(`The field '${label}' must evaluate to a string; it evaluated to ${JSON.stringify(value)}.`);
  return value;
}

export function compileJsonataFail(state: RawState, ctx: StateCompileContext): CompiledState {
  const error = optionalJsonataField(state, "Error", ctx.pointer, ctx.problems);
  const cause = optionalJsonataField(state, "Cause", ctx.pointer, ctx.problems);
  return {
    name: ctx.name,
    type: "Fail",
    eventPrefix: "Fail",
    async run(scope, _visit, input) {
      const errorText = await failText(error, "Error", scope, input);
      const causeText = await failText(cause, "Cause", scope, input);
      throw new FailStateError(errorText, causeText);
    },
  };
}

interface JsonataChoiceRule {
  readonly condition: JsonataField;
  readonly label: string;
  readonly next: string;
  readonly exit: JsonataExit;
}

export function compileJsonataChoice(state: RawState, ctx: StateCompileContext): CompiledState {
  if ("Next" in state || "End" in state) ctx.problems.add(ctx.pointer, "a Choice state cannot have 'Next' or 'End'");
  const rules: JsonataChoiceRule[] = [];
  if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
    ctx.problems.add(pointerTo(ctx.pointer, "Choices"), "must be a non-empty array of choice rules");
  } else {
    state.Choices.forEach((raw: unknown, index: number) => {
      const pointer = pointerTo(ctx.pointer, "Choices", index);
      const rule = (typeof raw === "object" && raw !== null ? raw : {}) as RawState;
      const label = `Choices[${index}]/Condition`;
      if (!("Condition" in rule)) ctx.problems.add(pointer, "a JSONata choice rule needs a Condition");
      rules.push({
        condition: compileJsonataField(rule.Condition, label, pointerTo(pointer, "Condition"), ctx.problems),
        label,
        next: checkTarget(rule.Next, pointerTo(pointer, "Next"), ctx) ?? "",
        exit: compileExit(rule, pointer, ctx, `Choices[${index}]/`),
      });
    });
  }
  const fallback = "Default" in state ? checkTarget(state.Default, pointerTo(ctx.pointer, "Default"), ctx) : undefined;
  const stateExit = compileExit(state, ctx.pointer, ctx);
  const name = ctx.name;
  return {
    name,
    type: "Choice",
    eventPrefix: "Choice",
    async run(scope, _visit, input) {
      let matched: JsonataChoiceRule | undefined;
      for (const rule of rules) {
        const value = await rule.condition(scope, input);
        if (typeof value !== "boolean") {
          throw new QueryEvaluationError(`The Condition '${rule.label}' of the state '${name}' must evaluate to a boolean; it evaluated to ${JSON.stringify(value)}.`);
        }
        if (value) {
          matched = rule;
          break;
        }
      }
      const next = matched?.next ?? fallback;
      if (next === undefined) throw new NoChoiceMatched(`No Matches! (state '${name}')`);
      // The state's Assign applies whichever way the state goes; a matched rule's Assign is added on top of it.
      const base = await evaluateExit(stateExit, scope, input, input);
      let output = base.output;
      let assigned: JsonObject | undefined = base.assigned;
      if (matched !== undefined) {
        const own = await evaluateExit(matched.exit, scope, input, output);
        if (matched.exit.output !== undefined) output = own.output;
        if (own.assigned !== undefined) assigned = { ...assigned, ...own.assigned };
      }
      return { output: checkedOutput(output, scope, name), next, assigned };
    },
  };
}
