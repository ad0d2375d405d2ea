import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { crc32, deflateSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { maxImageBytes } from "@statecraft/infra";
import { runCli } from "../cli.js";

/** A real RGB PNG of the given size (a colour gradient), encoded by hand. */
function png(width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.subarray(1, 4).toString("latin1") !== "PNG" || bytes.subarray(12, 16).toString("latin1") !== "IHDR") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sfn-upload-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sfn(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on("data", (chunk: Buffer) => err.push(chunk.toString()));
  const code = await runCli(argv, { stdout, stderr, cwd: dir, env: {} });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

interface UploadReport {
  rules: { name: string; matched: boolean }[];
  execution: { status: string; output?: Record<string, unknown>; error?: string; cause?: string } | null;
}

async function upload(file: string, route: string): Promise<UploadReport> {
  const { code, stdout } = await sfn("upload", file, "--route", route, "--data", "store", "--json");
  const report = JSON.parse(stdout) as UploadReport;
  expect(code).toBe(report.execution === null || report.execution.status === "SUCCEEDED" ? 0 : 1);
  return report;
}

describe.each(["eventbridge", "cloudtrail"])("sfn upload --route %s", (route) => {
  it("runs a real image through the workflow: summary, and a thumbnail that is an image", async () => {
    await writeFile(join(dir, "Photo.PNG"), png(640, 480));
    const report = await upload("Photo.PNG", route);
    expect(report.rules.filter((r) => r.matched)).toHaveLength(1);
    expect(report.execution).toEqual({
      status: "SUCCEEDED",
      output: {
        format: "png",
        width: 640,
        height: 480,
        thumbnailKey: "thumbnails/Photo.PNG",
        source: { bucket: "statecraft-images", key: "Photo.PNG" },
      },
    });
    const thumbnail = await readFile(join(dir, "store", "statecraft-images", "thumbnails", "Photo.PNG"));
    expect(pngSize(thumbnail)).toEqual({ width: 256, height: 192 });
  });

  it("skips a text file", async () => {
    await writeFile(join(dir, "notes.txt"), "not an image\n");
    const report = await upload("notes.txt", route);
    if (route === "cloudtrail") {
      // The CloudTrail rule filters image suffixes itself: no execution starts.
      expect(report.execution).toBeNull();
    } else {
      // The S3-notification rule can only exclude thumbnails/; the workflow skips the rest.
      expect(report.execution).toMatchObject({ status: "SUCCEEDED", output: { status: "skipped" } });
    }
    expect(await readFile(join(dir, "store", "statecraft-images", "notes.txt"), "utf8")).toBe("not an image\n");
  });

  it("fails an upload over the size limit with ObjectTooLarge, before reading it", async () => {
    await writeFile(join(dir, "huge.jpg"), Buffer.alloc(maxImageBytes + 1));
    const { code, stdout } = await sfn("upload", "huge.jpg", "--route", route, "--data", "store", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as UploadReport & { event: { detail: Record<string, unknown> } };
    // Above 8 MiB the AWS CLI uploads in parts: CloudTrail logs CompleteMultipartUpload, S3 a multipart ETag.
    if (route === "cloudtrail") expect(report.event.detail.eventName).toBe("CompleteMultipartUpload");
    else expect(report.event.detail).toMatchObject({ reason: "CompleteMultipartUpload", object: { etag: expect.stringMatching(/-7$/) } });
    expect(report.execution).toEqual({
      status: "FAILED",
      error: "ObjectTooLarge",
      cause: `s3://statecraft-images/huge.jpg is ${maxImageBytes + 1} bytes; images up to ${maxImageBytes} bytes are processed`,
    });
  });

  it("catches UnsupportedImage for a corrupt .png and ends with a clear status", async () => {
    await writeFile(join(dir, "broken.png"), Buffer.concat([png(8, 8).subarray(0, 16), Buffer.from("garbage")]));
    const report = await upload("broken.png", route);
    expect(report.execution).toMatchObject({
      status: "SUCCEEDED",
      output: { status: "unsupported", error: "UnsupportedImage", source: { bucket: "statecraft-images", key: "broken.png" } },
    });
  });
});

describe("sfn upload", () => {
  it("prints the rules, the trace and the summary", async () => {
    await writeFile(join(dir, "cat.png"), png(32, 16));
    const { code, stdout } = await sfn("upload", "cat.png", "--data", "store");
    expect(code).toBe(0);
    expect(stdout).toContain("Uploaded cat.png to s3://statecraft-images/cat.png");
    expect(stdout).toMatch(/✓ ImageUploadS3NotificationRule .* matched/);
    expect(stdout).toMatch(/✗ ImageUploadCloudTrailRule .*detail-type/);
    expect(stdout).toMatch(/^SUCCEEDED /m);
    expect(stdout).toContain(`Thumbnail: ${join("store", "statecraft-images", "thumbnails", "cat.png")}`);
  });

  it("prints only the status and output with --quiet", async () => {
    await writeFile(join(dir, "cat.gif"), "GIF89a");
    const { code, stdout } = await sfn("upload", "cat.gif", "--data", "store", "--quiet");
    expect(code).toBe(0);
    expect(stdout).not.toContain("▶");
    expect(stdout).toContain('SUCCEEDED {"status":"SUCCEEDED","output":{"status":"unsupported","error":"UnsupportedImage"');
  });

  it("does not start the workflow for thumbnails/", async () => {
    await writeFile(join(dir, "cat.png"), png(4, 4));
    for (const route of ["eventbridge", "cloudtrail"]) {
      const { code, stdout } = await sfn("upload", "cat.png", "--key", "thumbnails/cat.png", "--route", route, "--data", "store");
      expect(code).toBe(0);
      expect(stdout).toContain("No rule matched: the image-upload workflow was not started.");
    }
  });

  it("refuses bad options with a usage error", async () => {
    expect((await sfn("upload")).stderr).toContain("a file to upload is required");
    expect((await sfn("upload", "x.png", "--route", "sqs")).stderr).toContain('--route must be "eventbridge" or "cloudtrail"');
    expect((await sfn("upload", "x.png", "--bucket", "Bad_Bucket")).stderr).toContain("--bucket must be an S3 bucket name");
    const missing = await sfn("upload", "missing.png");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read missing.png: ENOENT");
  });
});
