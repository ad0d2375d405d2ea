import type { JsonValue } from "@statecraft/asl";
import type { TaskHandler } from "@statecraft/engine";
import { handler as lyrics } from "@statecraft/lambda-lyrics";
import { handler as song } from "@statecraft/lambda-song";

/** Adapts a contract handler (which takes an AWS Lambda context) to the engine's task signature. */
function asTask(handler: (event: unknown) => Promise<JsonValue>): TaskHandler {
  return (input) => handler(input);
}

/**
 * This workspace's Lambda handlers by function name. Lambda resources in a
 * definition (a function ARN, or `lambda:invoke` with `FunctionName`) resolve
 * here when no `--tasks` module is given, so generated ASL runs as is.
 */
export const workspaceLambdas: Readonly<Record<string, TaskHandler>> = {
  song: asTask(song),
  lyrics: asTask(lyrics),
};
