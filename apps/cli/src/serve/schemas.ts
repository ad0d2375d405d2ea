/**
 * Request shapes of every operation, as in the Step Functions API reference
 * (member names, required members, length and range constraints). Unknown
 * members are ignored, as the service does.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html
 */
import * as z from "zod";

const str = (min: number, max: number) => z.string().min(min).max(max);
const arn = str(1, 256);
const longArn = str(1, 2000);
const name = str(1, 80);
const nextToken = str(1, 1024).optional();
const maxResults = z.number().int().min(0).max(1000).optional();
/** Execution input/output: a JSON text of at most 256 KiB. */
const jsonText = z.string().max(262144);
const definition = str(1, 1048576);
const stateMachineType = z.enum(["STANDARD", "EXPRESS"]);
const includedData = z.enum(["ALL_DATA", "METADATA_ONLY"]).optional();

const loggingConfiguration = z.object({
  level: z.enum(["ALL", "ERROR", "FATAL", "OFF"]).optional(),
  includeExecutionData: z.boolean().optional(),
  destinations: z
    .array(z.object({ cloudWatchLogsLogGroup: z.object({ logGroupArn: str(1, 256).optional() }).optional() }))
    .optional(),
});
const tracingConfiguration = z.object({ enabled: z.boolean().optional() });
const encryptionConfiguration = z.object({
  kmsKeyId: str(1, 2048).optional(),
  kmsDataKeyReusePeriodSeconds: z.number().int().min(60).max(900).optional(),
  type: z.enum(["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY"]),
});

const tag = z.object({ key: str(1, 128).optional(), value: str(0, 256).optional() });
export type Tag = z.output<typeof tag>;

export const CreateStateMachineRequest = z.object({
  name,
  definition,
  roleArn: arn,
  type: stateMachineType.optional(),
  loggingConfiguration: loggingConfiguration.optional(),
  tags: z.array(tag).optional(),
  tracingConfiguration: tracingConfiguration.optional(),
  publish: z.boolean().optional(),
  versionDescription: str(0, 256).optional(),
  encryptionConfiguration: encryptionConfiguration.optional(),
});
export type CreateStateMachineRequest = z.output<typeof CreateStateMachineRequest>;

export const UpdateStateMachineRequest = z.object({
  stateMachineArn: arn,
  definition: definition.optional(),
  roleArn: arn.optional(),
  loggingConfiguration: loggingConfiguration.optional(),
  tracingConfiguration: tracingConfiguration.optional(),
  publish: z.boolean().optional(),
  versionDescription: str(0, 256).optional(),
  encryptionConfiguration: encryptionConfiguration.optional(),
});
export type UpdateStateMachineRequest = z.output<typeof UpdateStateMachineRequest>;

export const DescribeStateMachineRequest = z.object({ stateMachineArn: arn, includedData });
export const ListStateMachinesRequest = z.object({ maxResults, nextToken });
export const DeleteStateMachineRequest = z.object({ stateMachineArn: arn });

export const ValidateStateMachineDefinitionRequest = z.object({
  definition,
  type: stateMachineType.optional(),
  severity: z.enum(["ERROR", "WARNING"]).optional(),
  maxResults: z.number().int().min(0).max(100).optional(),
});

export const StartExecutionRequest = z.object({
  stateMachineArn: arn,
  name: name.optional(),
  input: jsonText.optional(),
  traceHeader: str(0, 256).optional(),
});
export type StartExecutionRequest = z.output<typeof StartExecutionRequest>;

export const StartSyncExecutionRequest = StartExecutionRequest.extend({ includedData });

export const DescribeExecutionRequest = z.object({ executionArn: longArn, includedData });
export const DescribeStateMachineForExecutionRequest = z.object({ executionArn: longArn, includedData });

export const StopExecutionRequest = z.object({
  executionArn: longArn,
  error: str(0, 256).optional(),
  cause: str(0, 32768).optional(),
});

export const ListExecutionsRequest = z.object({
  stateMachineArn: arn.optional(),
  mapRunArn: arn.optional(),
  // Listed in the order AWS names them in the ValidationException (localstack
  // test_sfn_api.py::test_state_machine_status_filter, "list_executions_filter_exc").
  statusFilter: z.enum(["SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING"]).optional(),
  maxResults,
  nextToken: str(1, 3096).optional(),
  redriveFilter: z.enum(["REDRIVEN", "NOT_REDRIVEN"]).optional(),
});

export const GetExecutionHistoryRequest = z.object({
  executionArn: longArn,
  maxResults,
  reverseOrder: z.boolean().optional(),
  nextToken: str(1, 3096).optional(),
  includeExecutionData: z.boolean().optional(),
});

export const TagResourceRequest = z.object({ resourceArn: arn, tags: z.array(tag) });
export const UntagResourceRequest = z.object({ resourceArn: arn, tagKeys: z.array(str(1, 128)) });
export const ListTagsForResourceRequest = z.object({ resourceArn: arn });

const taskToken = str(1, 2048);
export const SendTaskSuccessRequest = z.object({ taskToken, output: jsonText });
export const SendTaskFailureRequest = z.object({
  taskToken,
  error: str(0, 256).optional(),
  cause: str(0, 32768).optional(),
});
export const SendTaskHeartbeatRequest = z.object({ taskToken });

export const TestStateRequest = z.object({
  definition,
  roleArn: arn.optional(),
  input: jsonText.optional(),
  inspectionLevel: z.enum(["INFO", "DEBUG", "TRACE"]).optional(),
  revealSecrets: z.boolean().optional(),
  variables: jsonText.optional(),
  stateName: str(1, 80).optional(),
  mock: z
    .object({
      result: jsonText.optional(),
      errorOutput: z.object({ error: str(0, 256).optional(), cause: str(0, 32768).optional() }).optional(),
      fieldValidationMode: z.enum(["STRICT", "PRESENT", "NONE"]).optional(),
    })
    .optional(),
  context: jsonText.optional(),
  stateConfiguration: z.record(z.string(), z.unknown()).optional(),
});
export type TestStateRequest = z.output<typeof TestStateRequest>;
