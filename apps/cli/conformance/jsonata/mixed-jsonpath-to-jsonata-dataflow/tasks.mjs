// The recorded function is localstack's LAMBDA_ID_FUNCTION (returns its event); the integration wraps it in the Invoke response.
export default { "arn:aws:states:::lambda:invoke": async ({ Payload }) => ({ ExecutedVersion: "$LATEST", Payload, StatusCode: 200 }) };
