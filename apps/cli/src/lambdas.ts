import { resolve } from "node:path";
import type { JsonValue } from "@statecraft/asl";
import type { TaskHandler } from "@statecraft/engine";
import { handler as lyrics } from "@statecraft/lambda-lyrics";
import { handler as song } from "@statecraft/lambda-song";
import type { ObjectStore } from "@statecraft/storage";

/** Adapts a contract handler (which takes an AWS Lambda context) to the engine's task signature. */
function asTask(handler: (event: unknown) => Promise<JsonValue>): TaskHandler {
  return (input) => handler(input);
}

/**
 * This workspace's seed Lambda handlers by function name. Lambda resources in
 * a definition (a function ARN, or `lambda:invoke` with `FunctionName`)
 * resolve here when no `--tasks` module is given, so generated ASL runs as is.
 */
export const workspaceLambdas: Readonly<Record<string, TaskHandler>> = {
  song: asTask(song),
  lyrics: asTask(lyrics),
};

/** Where `sfn run` and `sfn upload` keep the local buckets, relative to the working directory. */
export const defaultLocalS3Dir = ".statecraft/s3";

/** A handler whose module (sharp, image-size, …) is only imported when a state first calls it. */
function loadedOnFirstCall(load: () => Promise<(event: unknown) => Promise<unknown>>): TaskHandler {
  let handler: Promise<(event: unknown) => Promise<unknown>> | undefined;
  return async (input) => {
    handler ??= load();
    return (await handler)(input) as Promise<JsonValue>;
  };
}

/**
 * The image-upload workflow's handlers (default function names) on the local
 * store under `dataDir`: a bucket is a folder, as `sfn upload` writes them.
 */
export function localImageLambdas(dataDir: string): Record<string, TaskHandler> {
  let store: Promise<ObjectStore> | undefined;
  const localStore = (): Promise<ObjectStore> => {
    store ??= import("@statecraft/storage").then(({ LocalObjectStore }) => new LocalObjectStore({ root: dataDir }));
    return store;
  };
  return {
    normalize: loadedOnFirstCall(async () => (await import("@statecraft/lambda-normalize")).createHandler(await localStore())),
    "image-info": loadedOnFirstCall(async () => (await import("@statecraft/lambda-image-info")).createHandler(await localStore())),
    thumbnail: loadedOnFirstCall(async () => (await import("@statecraft/lambda-thumbnail")).createHandler(await localStore())),
  };
}

/** Every workspace Lambda, the image ones on the local store under `cwd`'s {@link defaultLocalS3Dir}. */
export function workspaceLambdasAt(cwd: string): Record<string, TaskHandler> {
  return { ...workspaceLambdas, ...localImageLambdas(resolve(cwd, defaultLocalS3Dir)) };
}
