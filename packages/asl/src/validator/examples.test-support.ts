/**
 * Valid definitions the validator must accept: examples from the ASL
 * specification and the AWS Step Functions developer guide (adapted to
 * account 123456789012), plus field combinations AWS documents.
 */
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export const validExamples: Readonly<Record<string, unknown>> = {
  "spec: hello world": {
    Comment: "A simple minimal example of the States language",
    StartAt: "Hello World",
    States: { "Hello World": { Type: "Task", Resource: fn("HelloWorld"), End: true } },
  },
  "spec: choice with Not, And and Default": {
    StartAt: "ChoiceStateX",
    States: {
      ChoiceStateX: {
        Type: "Choice",
        Choices: [
          { Not: { Variable: "$.type", StringEquals: "Private" }, Next: "Public" },
          { Variable: "$.value", NumericEquals: 0, Next: "ValueIsZero" },
          {
            And: [
              { Variable: "$.value", NumericGreaterThanEquals: 20 },
              { Variable: "$.value", NumericLessThan: 30 },
            ],
            Next: "ValueInTwenties",
          },
        ],
        Default: "DefaultState",
      },
      Public: { Type: "Task", Resource: fn("Foo"), Next: "NextState" },
      ValueIsZero: { Type: "Task", Resource: fn("Zero"), Next: "NextState" },
      ValueInTwenties: { Type: "Task", Resource: fn("Bar"), Next: "NextState" },
      DefaultState: { Type: "Fail", Cause: "No Matches!" },
      NextState: { Type: "Succeed" },
    },
  },
  "spec: wait in every form": {
    StartAt: "ten",
    States: {
      ten: { Type: "Wait", Seconds: 10, Next: "until" },
      until: { Type: "Wait", Timestamp: "2016-03-14T01:59:00Z", Next: "path" },
      path: { Type: "Wait", TimestampPath: "$.expirydate", Next: "secondsPath" },
      secondsPath: { Type: "Wait", SecondsPath: "$.delay", End: true },
    },
  },
  "spec: parallel": {
    StartAt: "LookupCustomerInfo",
    States: {
      LookupCustomerInfo: {
        Type: "Parallel",
        Branches: [
          { StartAt: "LookupAddress", States: { LookupAddress: { Type: "Task", Resource: fn("AddressFinder"), End: true } } },
          { StartAt: "LookupPhone", States: { LookupPhone: { Type: "Task", Resource: fn("PhoneFinder"), End: true } } },
        ],
        ResultSelector: { "address.$": "$[0]", "phone.$": "$[1]" },
        End: true,
      },
    },
  },
  "spec: retry and catch": {
    StartAt: "X",
    States: {
      X: {
        Type: "Task",
        Resource: fn("X"),
        TimeoutSeconds: 300,
        HeartbeatSeconds: 60,
        Retry: [
          { ErrorEquals: ["ErrorA", "ErrorB"], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
          { ErrorEquals: ["ErrorC"], IntervalSeconds: 5, MaxDelaySeconds: 30, JitterStrategy: "FULL" },
          { ErrorEquals: ["States.ALL"], MaxAttempts: 0 },
        ],
        Catch: [
          { ErrorEquals: ["java.lang.Exception"], ResultPath: "$.error-info", Next: "Z" },
          { ErrorEquals: ["States.ALL"], Next: "Z" },
        ],
        End: true,
      },
      Z: { Type: "Pass", End: true },
    },
  },
  "guide: inline map with ItemSelector": {
    StartAt: "Validate-All",
    States: {
      "Validate-All": {
        Type: "Map",
        InputPath: "$.detail",
        ItemsPath: "$.shipped",
        MaxConcurrency: 0,
        ItemSelector: { "parcel.$": "$$.Map.Item.Value", "courier.$": "$.delivery-partner", "index.$": "$$.Map.Item.Index" },
        ItemProcessor: {
          ProcessorConfig: { Mode: "INLINE" },
          StartAt: "Validate",
          States: { Validate: { Type: "Task", Resource: fn("ship-val"), End: true } },
        },
        ResultPath: "$.detail.shipped",
        End: true,
      },
    },
  },
  "guide: legacy Iterator and Parameters": {
    StartAt: "Map",
    States: {
      Map: {
        Type: "Map",
        ItemsPath: "$.items",
        Parameters: { "item.$": "$$.Map.Item.Value" },
        Iterator: { StartAt: "Each", States: { Each: { Type: "Pass", End: true } } },
        End: true,
      },
    },
  },
  "guide: distributed map over S3": {
    StartAt: "Map",
    States: {
      Map: {
        Type: "Map",
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW", MaxItems: 100 },
          Parameters: { Bucket: "amzn-s3-demo-bucket", Key: "csvDataset/ratings.csv" },
        },
        ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { "factCheck.$": "$.check" } },
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" },
          StartAt: "Process",
          States: { Process: { Type: "Task", Resource: fn("process"), End: true } },
        },
        Label: "Map",
        MaxConcurrency: 1000,
        ToleratedFailurePercentage: 5,
        ResultWriter: {
          Resource: "arn:aws:states:::s3:putObject",
          Parameters: { Bucket: "amzn-s3-demo-destination-bucket", Prefix: "csvProcessJobs" },
        },
        End: true,
      },
    },
  },
  "guide: JSONata with lambda:invoke and variables": {
    QueryLanguage: "JSONata",
    StartAt: "GetSomeData",
    States: {
      GetSomeData: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: { FunctionName: "function-1", Payload: "{% $states.input %}" },
        Assign: { taskResult: "{% $states.result %}", functionOutput: "{% $states.result.Payload %}" },
        Next: "DoSomething",
      },
      DoSomething: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Arguments: {
          FunctionName: "function-2",
          Payload: { function_output: "{% $functionOutput %}", status_code: "{% $taskResult.StatusCode %}" },
        },
        TimeoutSeconds: "{% $states.input.timeout %}",
        Output: "{% $states.result.Payload %}",
        Next: "Check",
      },
      Check: {
        Type: "Choice",
        Choices: [
          { Condition: "{% $states.input.ok = true %}", Assign: { seen: true }, Output: { done: true }, Next: "Done" },
          { Condition: false, Next: "Done" },
        ],
        Default: "Wait",
      },
      Wait: { Type: "Wait", Seconds: "{% $random() > 0.5 ? 1 : 2 %}", Next: "Done" },
      Done: { Type: "Succeed", Output: "{% $states.input %}" },
    },
  },
  "guide: JSONPath state inside a JSONPath machine using variables": {
    StartAt: "Remember",
    States: {
      Remember: {
        Type: "Pass",
        Assign: { productName: "product1", count: 42, available: true, "detail.$": "$.detail" },
        Next: "Use",
      },
      Use: {
        Type: "Pass",
        Parameters: { "name.$": "$productName", "count.$": "$count", static: "$count is literal" },
        End: true,
      },
    },
  },
  "guide: intrinsic functions": {
    StartAt: "Intrinsics",
    States: {
      Intrinsics: {
        Type: "Pass",
        Parameters: {
          "greeting.$": "States.Format('Hello, my name is {}.', $.name)",
          "list.$": "States.Array($.a, 'b', 3, true, null)",
          "id.$": "States.UUID()",
          "sum.$": "States.MathAdd(States.ArrayLength($.items), 1)",
          "hash.$": "States.Hash($.payload, 'SHA-256')",
        },
        End: true,
      },
    },
  },
  "guide: callback with task token, credentials and mixed query languages": {
    StartAt: "Notify",
    States: {
      Notify: {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Credentials: { "RoleArn.$": "$.roleArn" },
        Parameters: {
          QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/queue",
          MessageBody: { "TaskToken.$": "$$.Task.Token", "input.$": "$" },
        },
        HeartbeatSeconds: 600,
        Next: "Transform",
      },
      Transform: { Type: "Pass", QueryLanguage: "JSONata", Output: { token: "{% $states.context.Task.Token %}" }, Next: "Fail" },
      Fail: { Type: "Fail", ErrorPath: "$.error", CausePath: "States.JsonToString($.cause)" },
    },
  },
  "guide: activity, timeout path and a top-level timeout": {
    Version: "1.0",
    TimeoutSeconds: 3600,
    StartAt: "Activity",
    States: {
      Activity: {
        Type: "Task",
        Resource: "arn:aws:states:us-east-1:123456789012:activity:approve",
        TimeoutSecondsPath: "$.timeout",
        HeartbeatSecondsPath: "$.heartbeat",
        ResultPath: null,
        OutputPath: null,
        End: true,
      },
    },
  },
  "guide: choice with every operator family": {
    StartAt: "Choice",
    States: {
      Choice: {
        Type: "Choice",
        Choices: [
          { Variable: "$.s", StringMatches: "log-*.txt", Next: "End" },
          { Variable: "$.s", StringLessThanPath: "$.t", Next: "End" },
          { Variable: "$.b", BooleanEquals: true, Next: "End" },
          { Variable: "$.ts", TimestampGreaterThan: "2001-01-01T12:00:00.000+01:00", Next: "End" },
          { Variable: "$.n", IsNumeric: false, Next: "End" },
          { Or: [{ Variable: "$.x", IsNull: true }, { Variable: "$x", IsPresent: true }], Next: "End" },
        ],
      },
      End: { Type: "Succeed" },
    },
  },
};
