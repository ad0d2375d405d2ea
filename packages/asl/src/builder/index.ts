export {
  type AnyTaskContract,
  defineTask,
  type Integration,
  type LambdaFunctionRef,
  type LambdaInvokeEnvelope,
  type LambdaServiceError,
  type LambdaTaskDefinition,
  lambdaFunctionArn,
  lambdaInvokeEnvelope,
  lambdaInvokeResource,
  lambdaInvokeTask,
  lambdaServiceErrors,
  lambdaTask,
  type TaskContract,
  type TaskDefinition,
  type TaskErrors,
  type TaskInput,
  type TaskOutput,
} from "./contract.js";
export { BuilderError, type DefinitionProblem, InvalidDefinitionError } from "./errors.js";
export { type BuiltWorkflow, Chain, Ended, type TaskOptions, type WorkflowOptions, workflow } from "./flow.js";
export type { Fits, Mismatch, PlaceAt } from "./types.js";
