// Shared by the JSONata catcher cases (each case's tasks.mjs re-exports it; every case runs in a CLI process of
// its own, so the attempt counter starts at 0 for each).
// The recorded function (localstack's LAMBDA_FUNC_RAISE_EXCEPTION, Python 3.12) raises Exception("Some exception was raised.");
// lambda:invoke fails with Error "Exception" and, as Cause, the runtime's error JSON. The request id of attempt n
// stands in for the recorded "<uuid:n>".
let attempt = 0;
const cause = (requestId) =>
  JSON.stringify({
    errorMessage: "Some exception was raised.",
    errorType: "Exception",
    requestId,
    stackTrace: ['  File "/var/task/handler.py", line 2, in handler\n    raise Exception("Some exception was raised.")\n'],
  });
export default {
  "arn:aws:states:::lambda:invoke": async () => {
    attempt += 1;
    const error = new Error(cause(`<uuid:${attempt}>`));
    error.name = "Exception";
    throw error;
  },
};
