export type {
  AnyFlow,
  CatchableName,
  CurrentOf,
  Entered,
  ErrorNames,
  ErrorOutput,
  FlowCurrent,
  FlowDone,
  FlowOutput,
  FlowVars,
  HandlerInput,
  Join,
  JoinVars,
  LastState,
  NoOutputPath,
  NoState,
  OutputOf,
  Placed,
  ResultOptions,
  Selected,
  StateRef,
  StatesErrorName,
  TemplateOf,
  WithVars,
} from "./chain-types.js";
export { type AfterTask, Chain, type ElementOf, Ended, type FlowOutputOf, type NextOptions, type NoVariables } from "./chain.js";
export type { AnyChoiceRules, BranchFn, ChoiceDone, ChoiceJoined, ChoiceVars } from "./choice-builder.js";
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
export type { ExprNode, RefRoot, RefStep } from "./expr.js";
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
export type { ContextObject, Scope, VariableProxies } from "./scope.js";
export type { NodeOptions } from "./states/common.js";
export type { Resolve, Template } from "./template.js";
export type { Fits, Merge, Mismatch, PlaceAt, Simplify } from "./types.js";
