export default { "arn:aws:states:::lambda:invoke": async ({ FunctionName, Payload }) => ({ StatusCode: 200, Payload: { FunctionName, Payload } }) };
