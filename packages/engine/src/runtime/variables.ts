/**
 * Workflow variables (`Assign`): one frame per scope (the execution, a Parallel branch, a Map iteration). An
 * inner frame reads the outer ones but assigns only its own names; sibling frames never see each other; a
 * distributed Map's child execution starts with no outer frame.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { StatesRuntimeError } from "../errors.js";

/** One variable holds at most 256 KiB of JSON. */
export const maxVariableBytes = 256 * 1024;
/** One `Assign` block holds at most 256 KiB of JSON. */
export const maxAssignBytes = 256 * 1024;
/** All variables of an execution hold at most 10 MiB of JSON. */
export const maxExecutionVariableBytes = 10 * 1024 * 1024;

/**
 * The byte total an execution's frames share. A class rather than an object literal: see {@link newEventList} in
 * `history.ts` for why the objects an execution holds for its whole life are not made by literals.
 */
export class VariableBudget {
  bytes = 0;
}

function sizeOf(value: JsonValue): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** The variables of one scope, with read access to the enclosing scopes. */
export class VariableFrame {
  /** Created by the first assignment: most frames never hold a variable. */
  private own: Map<string, { value: JsonValue; bytes: number }> | undefined;

  constructor(
    readonly outer: VariableFrame | undefined = undefined,
    private readonly budget: VariableBudget = outer?.budget ?? new VariableBudget(),
  ) {}

  /** A frame nested in this one (Parallel branch, inline Map iteration). */
  child(): VariableFrame {
    return new VariableFrame(this, this.budget);
  }

  /** The value of `name`, searched from this frame outwards; `undefined` when never assigned. */
  get(name: string): JsonValue | undefined {
    for (let frame: VariableFrame | undefined = this; frame !== undefined; frame = frame.outer) {
      const entry = frame.own?.get(name);
      if (entry !== undefined) return entry.value;
    }
    return undefined;
  }

  /** Every visible variable by name (inner frames win), for JSONata bindings. */
  visible(): Record<string, JsonValue> {
    const frames: VariableFrame[] = [];
    for (let frame: VariableFrame | undefined = this; frame !== undefined; frame = frame.outer) frames.unshift(frame);
    const out: Record<string, JsonValue> = {};
    for (const frame of frames) for (const [name, entry] of frame.own ?? []) out[name] = entry.value;
    return out;
  }

  /**
   * Stores every assignment of one `Assign` block at once (they were all evaluated on the entry snapshot).
   *
   * @throws StatesRuntimeError when a value, the block or the execution's total is over its quota, or when an
   *   inner scope assigns a variable of an outer scope.
   */
  assign(values: JsonObject, stateName: string): void {
    const sizes = new Map<string, number>();
    let blockBytes = 0;
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      for (let frame = this.outer; frame !== undefined; frame = frame.outer) {
        if (frame.own?.has(name) === true) {
          throw new StatesRuntimeError(`The state '${stateName}' cannot assign the variable '${name}': it belongs to an outer scope, which an inner scope may read but not assign.`);
        }
      }
      const bytes = sizeOf(value);
      if (bytes > maxVariableBytes) {
        throw new StatesRuntimeError(`The variable '${name}' assigned by the state '${stateName}' is ${bytes} bytes, over the ${maxVariableBytes}-byte limit for one variable.`);
      }
      sizes.set(name, bytes);
      blockBytes += bytes;
    }
    if (blockBytes > maxAssignBytes) {
      throw new StatesRuntimeError(`The Assign of the state '${stateName}' is ${blockBytes} bytes, over the ${maxAssignBytes}-byte limit for one Assign block.`);
    }
    let total = this.budget.bytes;
    this.own ??= new Map();
    const own = this.own;
    for (const [name, bytes] of sizes) total += bytes - (own.get(name)?.bytes ?? 0);
    if (total > maxExecutionVariableBytes) {
      throw new StatesRuntimeError(`The variables of the execution would hold ${total} bytes, over the ${maxExecutionVariableBytes}-byte limit per execution (state '${stateName}').`);
    }
    this.budget.bytes = total;
    for (const [name, bytes] of sizes) own.set(name, { value: values[name] as JsonValue, bytes });
  }
}
