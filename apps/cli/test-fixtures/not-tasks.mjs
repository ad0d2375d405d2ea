// A --tasks module whose default export is not a map of functions.
export default { "arn:aws:lambda:us-east-1:123456789012:function:song": "not a function" };
