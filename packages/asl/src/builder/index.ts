export type {
  AnyFlow,
  CatchableName,
  ErrorOutput,
  HandlerInput,
  LastState,
  NoState,
  ResultOptions,
  StateRef,
  StatesErrorName,
  TemplateOf,
} from "./chain-types.js";
export { Chain, Ended, type NextOptions } from "./chain.js";
export { ChoiceComplete, ChoiceRules } from "./choice-builder.js";
export { type Condition, cond } from "./conditions.js";
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
export type { BuiltWorkflow } from "./build.js";
export { BuilderError, type DefinitionProblem, InvalidDefinitionError } from "./errors.js";
export { type Expr, type RawRef, type Ref, unsafeJsonata, unsafeJsonPath, type ValueOf } from "./expr.js";
export { type WorkflowOptions, workflow } from "./flow.js";
export { type Arg, intrinsic, type IntrinsicHashAlgorithm } from "./intrinsic.js";
export type {
  CatchOptions,
  FailOptions,
  JsonLiteral,
  MapIteration,
  PassOptions,
  RetryOptions,
  SucceedOptions,
  TaskStateOptions,
  WaitOptions,
} from "./options.js";
export type { PathProxy } from "./path-proxy.js";
export type { ContextObject, Scope } from "./scope.js";
export type { NodeOptions } from "./states/common.js";
export type { Resolve, Template } from "./template.js";
export type { Fits, Mismatch, PlaceAt } from "./types.js";
