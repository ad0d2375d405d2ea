/**
 * Shared test fixtures of the local API: the seed workflow's ASL (as infra
 * generates it), small machines for waits and callbacks, and an SDK client.
 */
import { SFNClient } from "@aws-sdk/client-sfn";

export const roleArn = "arn:aws:iam::123456789012:role/statecraft-test";

/** The seed workflow: song → lyrics, direct Lambda ARNs (infra/dist/asl/song-lyrics.asl.json). */
export const seedDefinition = {
  StartAt: "song",
  States: {
    song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "lyrics" },
    lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
  },
};

/** The seed workflow with a Wait between the two Lambdas. */
export function seedWithWait(seconds: number) {
  return {
    StartAt: "song",
    States: {
      song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "pause" },
      pause: { Type: "Wait", Seconds: seconds, Next: "lyrics" },
      lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
    },
  };
}

export const psyLyrics = { lyrics: "oh oh oh oh oh pan gangnam style" };

/** An SDK client for a local server, as the docs recommend (no host prefix, placeholder credentials). */
export function localClient(url: string): SFNClient {
  // The SDK warns on every client that Node 20 support ends in 2027; tests need not say so each time.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return new SFNClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    disableHostPrefix: true,
    maxAttempts: 1,
  });
}

/** Calls the API with a raw request (for what the SDK would refuse to send). */
export async function rawCall(
  url: string,
  target: string | undefined,
  body: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { "content-type": "application/x-amz-json-1.0" };
  if (target !== undefined) headers["x-amz-target"] = target;
  const response = await fetch(`${url}/`, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
}
