/**
 * CreateStateMachine, UpdateStateMachine, DescribeStateMachine,
 * ListStateMachines, DeleteStateMachine.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
 */
import { randomUUID } from "node:crypto";
import { assertValidName, parseStateMachineArn, stateMachineArn } from "../arn.js";
import type { Operation, ServiceContext } from "../context.js";
import { apiError, ValidationException } from "../errors.js";
import { expressProblems } from "../express-rules.js";
import { invalidDefinition, parseDefinitionText } from "../definition.js";
import { decodeNameToken, encodeNameToken, pageSize } from "../pagination.js";
import { parseRequest } from "../request-validation.js";
import {
  CreateStateMachineRequest,
  DeleteStateMachineRequest,
  DescribeStateMachineRequest,
  ListStateMachinesRequest,
  UpdateStateMachineRequest,
} from "../schemas.js";
import type { StateMachineRecord } from "../store.js";
import { epochSeconds } from "../wire.js";
import { mergeTags } from "./tags.js";

const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function assertRoleArn(arn: string): void {
  if (!roleArnPattern.test(arn)) throw apiError("InvalidArn", `Invalid Arn: 'Not a role ARN: ${arn}'`);
}

/**
 * Throws `InvalidLoggingConfiguration` unless a logging level other than OFF comes
 * with exactly one destination, and no level comes with more than one. As recorded
 * against AWS (localstack test_sfn_api_logs.py::test_invalid_logging_configuration,
 * test_multiple_destinations, test_update_logging_configuration; OFF without
 * destinations is fine: test_incomplete_logging_configuration).
 */
function assertLoggingConfiguration(config: { level?: string | undefined; destinations?: unknown[] | undefined } | undefined):
  void {
  if (config === undefined) return;
  const count = config.destinations?.length ?? 0;
  if (count > 1 || (count === 0 && (config.level ?? "OFF") !== "OFF")) {
    throw apiError("InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.");
  }
}

/** Versions and aliases are not implemented: refuse `publish` rather than ignore it. */
function refusePublish(publish: boolean | undefined): void {
  if (publish === true) {
    throw new ValidationException("publish is not supported by this local server (state machine versions are not implemented)");
  }
}

/** Configurations as Describe returns them (defaults filled in), as JSON text for comparison and storage. */
function configurations(request: {
  loggingConfiguration?: object | undefined;
  tracingConfiguration?: object | undefined;
  encryptionConfiguration?: object | undefined;
}): { loggingConfiguration: string; tracingConfiguration: string; encryptionConfiguration: string } {
  return {
    loggingConfiguration: JSON.stringify({ level: "OFF", includeExecutionData: false, ...request.loggingConfiguration }),
    tracingConfiguration: JSON.stringify({ enabled: false, ...request.tracingConfiguration }),
    encryptionConfiguration: JSON.stringify({ type: "AWS_OWNED_KEY", ...request.encryptionConfiguration }),
  };
}

/** Throws `InvalidDefinition` for a definition an EXPRESS machine may not run (see express-rules.ts). */
function assertAllowedFor(type: string, definition: string): void {
  if (type !== "EXPRESS") return;
  const problems = expressProblems(parseDefinitionText(definition));
  if (problems.length > 0) throw invalidDefinition(problems);
}

/** The stored machine, or `StateMachineDoesNotExist`. */
export function requireMachine(context: ServiceContext, arn: string): StateMachineRecord {
  const machine = context.store.getStateMachine(arn);
  if (machine === undefined) throw apiError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${arn}'`);
  return machine;
}

const createStateMachine: Operation = (context, body) => {
  const request = parseRequest(CreateStateMachineRequest, body);
  assertValidName(request.name, "state machine");
  assertRoleArn(request.roleArn);
  refusePublish(request.publish);
  assertLoggingConfiguration(request.loggingConfiguration);
  context.runner.compile(request.definition);
  const arn = stateMachineArn(context.scope, request.name);
  const type = request.type ?? "STANDARD";
  assertAllowedFor(type, request.definition);
  const config = configurations(request);
  const existing = context.store.getStateMachine(arn);
  if (existing !== undefined) {
    if (existing.status === "DELETING") throw apiError("StateMachineDeleting", `State Machine is being deleted: '${arn}'`);
    // Idempotent when everything but roleArn and tags matches (as the service does).
    const same = existing.definition === request.definition && existing.type === type &&
      existing.loggingConfiguration === config.loggingConfiguration &&
      existing.tracingConfiguration === config.tracingConfiguration &&
      existing.encryptionConfiguration === config.encryptionConfiguration;
    if (!same) throw apiError("StateMachineAlreadyExists", `State Machine Already Exists: '${arn}'`);
    return { stateMachineArn: arn, creationDate: epochSeconds(existing.creationDate) };
  }
  const creationDate = context.now();
  context.store.insertStateMachine({
    arn, name: request.name, definition: request.definition, roleArn: request.roleArn, type, creationDate,
    status: "ACTIVE", ...config, tags: JSON.stringify(mergeTags([], request.tags ?? [])),
  });
  return { stateMachineArn: arn, creationDate: epochSeconds(creationDate) };
};

const updateStateMachine: Operation = (context, body) => {
  const request = parseRequest(UpdateStateMachineRequest, body);
  const { arn } = parseStateMachineArn(request.stateMachineArn);
  const machine = requireMachine(context, arn);
  const { definition, roleArn, loggingConfiguration, tracingConfiguration, encryptionConfiguration } = request;
  if ([definition, roleArn, loggingConfiguration, tracingConfiguration, encryptionConfiguration].every((v) => v === undefined)) {
    // Wording recorded by localstack test_sfn_api.py::test_create_update_state_machine_base_update_none.
    throw apiError("MissingRequiredParameter",
      "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
  }
  if (machine.status === "DELETING") throw apiError("StateMachineDeleting", `State Machine is being deleted: '${arn}'`);
  refusePublish(request.publish);
  if (definition !== undefined) {
    context.runner.compile(definition);
    assertAllowedFor(machine.type, definition);
  }
  if (roleArn !== undefined) assertRoleArn(roleArn);
  assertLoggingConfiguration(loggingConfiguration);
  const updateDate = context.now();
  const config = (value: object | undefined, stored: string | undefined) =>
    value === undefined ? stored : JSON.stringify({ ...JSON.parse(stored ?? "{}"), ...value });
  const logging = config(loggingConfiguration, machine.loggingConfiguration);
  const tracing = config(tracingConfiguration, machine.tracingConfiguration);
  const encryption = config(encryptionConfiguration, machine.encryptionConfiguration);
  const unchanged = (definition ?? machine.definition) === machine.definition &&
    (roleArn ?? machine.roleArn) === machine.roleArn && logging === machine.loggingConfiguration &&
    tracing === machine.tracingConfiguration && encryption === machine.encryptionConfiguration;
  // An update that changes nothing keeps the current revision (localstack
  // test_sfn_api.py::test_create_update_state_machine_same_parameters, "update_state_machine_res_t2").
  if (unchanged && machine.revisionId !== undefined) {
    return { updateDate: epochSeconds(updateDate), revisionId: machine.revisionId };
  }
  const revisionId = randomUUID();
  context.store.updateStateMachine({
    ...machine, definition: definition ?? machine.definition, roleArn: roleArn ?? machine.roleArn, updateDate,
    revisionId,
    ...(logging === undefined ? {} : { loggingConfiguration: logging }),
    ...(tracing === undefined ? {} : { tracingConfiguration: tracing }),
    ...(encryption === undefined ? {} : { encryptionConfiguration: encryption }),
  });
  return { updateDate: epochSeconds(updateDate), revisionId };
};

function describe(machine: StateMachineRecord): object {
  const json = (text: string | undefined) => (text === undefined ? {} : (JSON.parse(text) as object));
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: machine.status,
    definition: machine.definition,
    roleArn: machine.roleArn,
    type: machine.type,
    creationDate: epochSeconds(machine.creationDate),
    loggingConfiguration: json(machine.loggingConfiguration),
    tracingConfiguration: json(machine.tracingConfiguration),
    encryptionConfiguration: json(machine.encryptionConfiguration),
    ...(machine.revisionId === undefined ? {} : { revisionId: machine.revisionId }),
  };
}

const describeStateMachine: Operation = (context, body) => {
  const request = parseRequest(DescribeStateMachineRequest, body);
  const { arn } = parseStateMachineArn(request.stateMachineArn);
  return describe(requireMachine(context, arn));
};

const listStateMachines: Operation = (context, body) => {
  const request = parseRequest(ListStateMachinesRequest, body);
  const after = decodeNameToken("ListStateMachines", request.nextToken);
  const size = pageSize(request.maxResults);
  // In name order, as AWS lists them (localstack test_sfn_api.py::test_list_sms_pagination).
  const rows = context.store.listStateMachines(after, size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    stateMachines: page.map((machine) => ({
      stateMachineArn: machine.arn, name: machine.name, type: machine.type,
      creationDate: epochSeconds(machine.creationDate),
    })),
    ...(rows.length > size && last !== undefined ? { nextToken: encodeNameToken("ListStateMachines", last.name) } : {}),
  };
};

/** Deletes now when nothing runs; otherwise marks DELETING and deletes when the last execution ends. */
export function finishDeletion(context: ServiceContext, arn: string): void {
  const machine = context.store.getStateMachine(arn);
  if (machine?.status === "DELETING" && context.store.countRunning(arn) === 0) context.store.deleteStateMachine(arn);
}

const deleteStateMachine: Operation = (context, body) => {
  const request = parseRequest(DeleteStateMachineRequest, body);
  const { arn } = parseStateMachineArn(request.stateMachineArn);
  const machine = context.store.getStateMachine(arn);
  if (machine === undefined) return {};
  if (machine.status !== "DELETING") context.store.updateStateMachine({ ...machine, status: "DELETING" });
  finishDeletion(context, arn);
  return {};
};

export const stateMachineOperations: Readonly<Record<string, Operation>> = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  DeleteStateMachine: deleteStateMachine,
};
