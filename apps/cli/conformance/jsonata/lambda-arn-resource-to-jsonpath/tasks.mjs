// The recorded function is localstack's LAMBDA_ID_FUNCTION: it returns its event unchanged.
export default { "arn:aws:lambda:us-east-1:111111111111:function:fn-data-flow": async (event) => event };
