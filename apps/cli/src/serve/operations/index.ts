/** Every operation the local API speaks, by `X-Amz-Target` operation name. */
import type { Operation } from "../context.js";
import { executionOperations } from "./executions.js";
import { stateMachineOperations } from "./state-machines.js";
import { tagOperations } from "./tags.js";
import { taskOperations } from "./tasks.js";
import { testStateOperations } from "./test-state.js";
import { validateOperations } from "./validate.js";

export const operations: Readonly<Record<string, Operation>> = {
  ...stateMachineOperations,
  ...executionOperations,
  ...taskOperations,
  ...tagOperations,
  ...testStateOperations,
  ...validateOperations,
};
