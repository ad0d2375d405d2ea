/** What every operation handler works with. */
import type { ArnScope } from "./arn.js";
import type { MockConfig } from "./mock-config.js";
import type { ExecutionRunner } from "./runner.js";
import type { Store } from "./store.js";

export interface ServiceContext {
  readonly store: Store;
  readonly runner: ExecutionRunner;
  readonly scope: ArnScope;
  /** Step Functions Local mock configuration, when one was given. */
  readonly mockConfig: MockConfig | undefined;
  /** Epoch milliseconds. */
  readonly now: () => number;
}

/** One API operation: a raw JSON body in, a JSON result out (or an ApiError thrown). */
export type Operation = (context: ServiceContext, body: Record<string, unknown>) => Promise<object> | object;
