import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidInput } from "@statecraft/contracts";
import { sampleCloudTrailEvent, sampleNotificationEvent, sampleObjectCreatedEvent } from "@statecraft/contracts/s3/samples";
import { LocalObjectStore, NoSuchKey, type ObjectStore } from "@statecraft/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, NormalizedUpload } from "./index.js";

let root: string;
let store: LocalObjectStore;
let heads = 0;

function counting(inner: ObjectStore): ObjectStore {
  return {
    getRange: (b, k, start, end) => inner.getRange(b, k, start, end),
    get: (b, k) => inner.get(b, k),
    put: (b, k, body, type) => inner.put(b, k, body, type),
    list: (b, options) => inner.list(b, options),
    head: (b, k) => {
      heads++;
      return inner.head(b, k);
    },
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "statecraft-normalize-"));
  store = new LocalObjectStore({ root });
  // The bucket of the Step Functions tutorial's CloudTrail sample.
  await store.put("username-sfn-tutorial", "photos/a b+c.png", new Uint8Array(1234), "image/png");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("normalize handler", () => {
  const handler = () => createHandler(counting(store));

  it("takes bucket, raw key and size from an Object Created event without reading S3", async () => {
    heads = 0;
    const out = await handler()(sampleObjectCreatedEvent("photos/a b+c.png"));
    expect(out).toEqual({
      bucket: "DOC-EXAMPLE-BUCKET1",
      key: "photos/a b+c.png",
      size: 5,
      etag: "b1946ac92492d2347c6235b4d2611184",
      versionId: "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
    });
    expect(NormalizedUpload.parse(out)).toEqual(out);
    expect(heads).toBe(0);
  });

  it("reads the size of a CloudTrail upload with HeadObject", async () => {
    heads = 0;
    const out = await handler()(sampleCloudTrailEvent("photos/a b+c.png"));
    expect(out).toMatchObject({ bucket: "username-sfn-tutorial", key: "photos/a b+c.png", size: 1234 });
    expect(out.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(heads).toBe(1);
  });

  it("decodes the key of a classic notification once", async () => {
    const out = await handler()(sampleNotificationEvent("photos/a+b%2Bc.png"));
    expect(out.key).toBe("photos/a b+c.png");
  });

  it("refuses a failed CloudTrail call and a malformed event, naming the field", async () => {
    const failed = sampleCloudTrailEvent("x.png", { detailFields: { errorCode: "AccessDenied", errorMessage: "Access Denied" } });
    await expect(handler()(failed)).rejects.toThrow(InvalidInput);
    await expect(handler()(failed)).rejects.toThrow(/detail\.errorCode/);
    await expect(handler()({ bucket: "b" })).rejects.toThrow(/key/);
  });

  it("fails with NoSuchKey when the object is gone", async () => {
    const error = await handler()(sampleCloudTrailEvent("missing.png")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchKey);
    expect((error as Error).name).toBe("NoSuchKey");
  });
});
