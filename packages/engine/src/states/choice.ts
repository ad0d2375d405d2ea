/**
 * Choice: picks the next state by the first matching rule, else `Default`, else fails with
 * `States.NoChoiceMatched`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
import { checkTarget, filterPath, type RawState, type StateCompileContext } from "../compile/common.js";
import { type CompiledAssign, compileJsonPathAssign } from "../compile/assign.js";
import { pointerTo } from "../compile/problems.js";
import { NoChoiceMatched } from "../errors.js";
import { selectInputPath, selectOutputPath } from "../io/pipeline.js";
import type { CompiledState } from "../runtime/compiled.js";
import { type ChoicePredicate, compileChoiceExpression } from "./choice-rules.js";

export function compileChoice(state: RawState, ctx: StateCompileContext): CompiledState {
  const inputPath = filterPath(state, "InputPath", ctx);
  const outputPath = filterPath(state, "OutputPath", ctx);
  if ("Next" in state || "End" in state) ctx.problems.add(ctx.pointer, "a Choice state cannot have 'Next' or 'End'");
  const rules: { test: ChoicePredicate; next: string; assign: CompiledAssign | undefined }[] = [];
  if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
    ctx.problems.add(pointerTo(ctx.pointer, "Choices"), "must be a non-empty array of choice rules");
  } else {
    state.Choices.forEach((rule: unknown, index: number) => {
      const pointer = pointerTo(ctx.pointer, "Choices", index);
      const test = compileChoiceExpression(rule, pointer, ctx, true);
      const next = checkTarget((rule as Record<string, unknown> | null)?.Next, pointerTo(pointer, "Next"), ctx);
      const assign = typeof rule === "object" && rule !== null ? compileJsonPathAssign(rule as Record<string, unknown>, pointer, ctx.problems) : undefined;
      rules.push({ test, next: next ?? "", assign });
    });
  }
  const fallback = "Default" in state ? checkTarget(state.Default, pointerTo(ctx.pointer, "Default"), ctx) : undefined;
  const stateAssign = compileJsonPathAssign(state, ctx.pointer, ctx.problems);
  const name = ctx.name;
  return {
    name,
    type: "Choice",
    eventPrefix: "Choice",
    run(scope, _visit, input) {
      const effective = selectInputPath(input, inputPath, scope);
      let next = fallback;
      let ruleAssign: CompiledAssign | undefined;
      for (const rule of rules) {
        if (rule.test(effective, scope)) {
          next = rule.next;
          ruleAssign = rule.assign;
          break;
        }
      }
      if (next === undefined) throw new NoChoiceMatched(`No Matches! (state '${name}')`);
      // `$` in Assign is the effective input; the state's Assign applies whichever way the state goes and a
      // matched rule's Assign is added on top of it.
      let assigned = stateAssign?.(effective, scope);
      if (ruleAssign !== undefined) assigned = { ...assigned, ...ruleAssign(effective, scope) };
      return { output: selectOutputPath(effective, outputPath, scope), next, assigned };
    },
  };
}
