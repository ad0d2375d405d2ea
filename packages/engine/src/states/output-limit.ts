/**
 * The failure of a state whose output is over the 256 KiB payload quota, worded as Step Functions words it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-task-executions
 */
import { DataLimitExceeded } from "../errors.js";

/**
 * `States.DataLimitExceeded` for the state `name`'s output (terminal: no Retry or Catch applies). The cause is the one
 * recorded for a Pass state whose Result is over the quota: "The state/task 'State_1' returned a result with a size
 * exceeding the maximum number of bytes service limit." (localstack test_states_errors.snapshot.json,
 * test_start_large_input).
 */
export function stateOutputTooLarge(name: string): () => DataLimitExceeded {
  return () => new DataLimitExceeded(`The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`);
}
