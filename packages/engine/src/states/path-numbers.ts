/**
 * Numbers read through a `…Path` field (`MaxConcurrencyPath`, `ToleratedFailureCountPath`,
 * `ToleratedFailurePercentagePath`, `MaxItemsPath`, …) as Step Functions reads them: from the selected value's
 * text, so the string "1" is 1 while 1.5 is "not a valid integer" and "NoNumber" or {} not a number at all.
 *
 * Recorded against Step Functions: localstack test_base_scenarios.snapshot.json (test_max_concurrency_path,
 * test_map_state_tolerated_failure_count_path / _percentage_path, test_map_item_reader_csv_max_items_paths: 1.5,
 * "NoNumber" and {} refused with the cause below) and test_assign_reference_variables.snapshot.json
 * (test_reference_in_map_state: the strings "1" accepted for MaxConcurrencyPath and the ToleratedFailure paths).
 */
import type { JsonValue } from "@statecraft/asl";

/** What a path must select. */
export type PathNumberKind = "integer" | "float";

const integerText = /^[+-]?\d+$/;
const floatText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A selected value as Step Functions quotes it in its causes: a string as it is, anything else as JSON. */
export function valueText(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** The number a selected value stands for, or `undefined` when its text is not a valid `kind`. */
export function parsePathNumber(value: JsonValue | undefined, kind: PathNumberKind): number | undefined {
  if (typeof value !== "number" && typeof value !== "string") return undefined;
  const text = valueText(value);
  if (!(kind === "integer" ? integerText : floatText).test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Step Functions' cause for a selected value that is not a valid `kind`. */
export function notValidCause(pathField: string, pathText: string, value: JsonValue | undefined, kind: PathNumberKind): string {
  return `The ${pathField} field refers to value "${valueText(value)}" which is not a valid ${kind}: ${pathText}`;
}
