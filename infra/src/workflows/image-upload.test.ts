import type { JsonValue } from "@statecraft/asl";
import { type LambdaHandler, runExecution } from "@statecraft/engine";
import { IMAGE_SUFFIXES } from "@statecraft/events";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { caseVariants, imageUpload, lambdaServiceRetry, maxImageBytes } from "./image-upload.js";

const built = imageUpload(parseConfig(undefined, {}));
const states = built.definition.States;

class UnsupportedImage extends Error {
  override readonly name = "UnsupportedImage";
}
class TooManyRequests extends Error {
  override readonly name = "Lambda.TooManyRequestsException";
}

const info = { format: "png", width: 640, height: 480, size: 2000 };
const thumb = { bucket: "images", key: "thumbnails/cat.png", width: 256, height: 192, format: "png" };

/** Runs the workflow on an uploaded object with Lambda doubles (by function name). */
function run(key: string, overrides: Record<string, LambdaHandler> = {}, size = 2000) {
  const lambdas: Record<string, LambdaHandler> = {
    normalize: (event) => event,
    "image-info": () => info,
    thumbnail: () => thumb,
    ...overrides,
  };
  return runExecution(built.definition, { bucket: "images", key, size } satisfies JsonValue, { lambdas, clock: "virtual" });
}

describe("image-upload definition", () => {
  it("normalizes, checks the suffix and size, then runs image-info and thumbnail in parallel", () => {
    expect(built.definition.StartAt).toBe("Normalize upload");
    expect(Object.keys(states)).toEqual([
      "Normalize upload",
      "Is it an image?",
      "Not an image",
      "Skipped",
      "Small enough?",
      "Too large",
      "Image info and thumbnail",
      "Read the error",
      "Unsupported image",
      "Not processed",
      "Summary",
    ]);
    expect(states["Too large"]).toMatchObject({ Type: "Fail", Error: "ObjectTooLarge" });
    expect(states["Image info and thumbnail"]).toMatchObject({
      Type: "Parallel",
      ResultPath: "$.results",
      Catch: [{ ErrorEquals: ["UnsupportedImage"], ResultPath: "$.error", Next: "Read the error" }],
    });
  });

  it("retries every Lambda task on Lambda's service errors as AWS recommends", () => {
    const retry = [
      {
        ErrorEquals: [...lambdaServiceRetry.errors],
        IntervalSeconds: 1,
        MaxAttempts: 3,
        BackoffRate: 2,
      },
    ];
    const parallel = states["Image info and thumbnail"] as { Branches: { States: Record<string, unknown> }[] };
    const tasks = [states["Normalize upload"], ...parallel.Branches.flatMap((b) => Object.values(b.States))];
    expect(tasks).toHaveLength(3);
    for (const task of tasks) expect(task).toMatchObject({ Type: "Task", Retry: retry });
  });

  it("spells every image suffix in every case", () => {
    expect(caseVariants(".png")).toHaveLength(8);
    expect(caseVariants(".jpeg")).toContain(".JpEg");
    const choice = states["Is it an image?"] as { Choices: { Or: { StringMatches: string }[] }[] };
    const patterns = choice.Choices[0]?.Or.map((rule) => rule.StringMatches) ?? [];
    expect(patterns).toHaveLength(IMAGE_SUFFIXES.map((s) => 2 ** (s.length - 1)).reduce((a, b) => a + b));
    expect(patterns).toEqual(expect.arrayContaining(["*.png", "*.PNG", "*.Jpg", "*.gIF", "*.WebP"]));
  });
});

describe("image-upload on the engine", () => {
  it("sums up a processed image", async () => {
    const result = await run("cat.PNG");
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({
      format: "png",
      width: 640,
      height: 480,
      thumbnailKey: "thumbnails/cat.png",
      source: { bucket: "images", key: "cat.PNG" },
    });
  });

  it("skips a non-image without calling the image Lambdas", async () => {
    const called: string[] = [];
    const spy = (name: string): LambdaHandler => () => {
      called.push(name);
      return info;
    };
    const result = await run("notes.txt", { "image-info": spy("image-info"), thumbnail: spy("thumbnail") });
    expect(result.output).toMatchObject({ status: "skipped", source: { bucket: "images", key: "notes.txt" } });
    expect(called).toEqual([]);
  });

  it("fails an object over the size limit with ObjectTooLarge", async () => {
    const result = await run("huge.jpg", {}, maxImageBytes + 1);
    expect(result).toMatchObject({
      status: "FAILED",
      error: "ObjectTooLarge",
      cause: `s3://images/huge.jpg is ${maxImageBytes + 1} bytes; images up to ${maxImageBytes} bytes are processed`,
    });
    expect((await run("limit.jpg", {}, maxImageBytes)).status).toBe("SUCCEEDED");
  });

  it("catches UnsupportedImage from either branch and says why", async () => {
    const refuse: LambdaHandler = () => {
      throw new UnsupportedImage("s3://images/broken.png is not a valid PNG");
    };
    for (const branch of ["image-info", "thumbnail"]) {
      const result = await run("broken.png", { [branch]: refuse });
      expect(result.status).toBe("SUCCEEDED");
      expect(result.output).toEqual({
        status: "unsupported",
        error: "UnsupportedImage",
        reason: "s3://images/broken.png is not a valid PNG",
        source: { bucket: "images", key: "broken.png" },
      });
    }
  });

  it("retries a throttled Lambda and does not catch other errors", async () => {
    let calls = 0;
    const throttledOnce: LambdaHandler = () => {
      calls++;
      if (calls === 1) throw new TooManyRequests("Rate exceeded");
      return info;
    };
    expect((await run("cat.gif", { "image-info": throttledOnce })).status).toBe("SUCCEEDED");
    expect(calls).toBe(2);
    const broken: LambdaHandler = () => {
      throw new TypeError("bug");
    };
    expect(await run("cat.gif", { thumbnail: broken })).toMatchObject({ status: "FAILED", error: "TypeError" });
  });
});
