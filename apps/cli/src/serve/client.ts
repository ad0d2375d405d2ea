/**
 * An `SFNClient` for `sfn deploy` / `sfn start`: against `--endpoint` (a local
 * server) with the host prefix disabled and placeholder credentials when none
 * are configured; otherwise the SDK's standard configuration (real AWS).
 *
 * @see aws-integration.md §3.1 (SigV4, `sync-` host prefix)
 */
import { SFNClient, type SFNClientConfig } from "@aws-sdk/client-sfn";

/** Where the commands send requests. */
export interface ClientTarget {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

export function createSfnClient(target: ClientTarget, env: NodeJS.ProcessEnv): SFNClient {
  const config: SFNClientConfig = { maxAttempts: 2 };
  const region = target.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (target.endpoint !== undefined) {
    config.endpoint = target.endpoint;
    // StartSyncExecution/TestState would otherwise go to http://sync-127.0.0.1:…
    config.disableHostPrefix = true;
    config.region = region ?? "us-east-1";
    // A local server does not check signatures; the SDK still needs something to sign with.
    if (env.AWS_ACCESS_KEY_ID === undefined && env.AWS_PROFILE === undefined) {
      config.credentials = { accessKeyId: "local", secretAccessKey: "local" };
    }
  } else if (region !== undefined) config.region = region;
  return new SFNClient(config);
}

/** The message of an SDK error, prefixed with its code (`StateMachineDoesNotExist: …`). */
export function describeSdkError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
