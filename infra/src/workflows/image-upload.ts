/**
 * The image-upload workflow, started by an S3 upload (EventBridge "Object
 * Created" or a CloudTrail object write): normalize the event, skip
 * non-images, refuse objects over {@link maxImageBytes} with `ObjectTooLarge`,
 * read the image's info and make its thumbnail in parallel, and sum up.
 * An `UnsupportedImage` (corrupt or not really an image) ends the execution
 * with a status saying so instead of a raw Lambda failure.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-cloudwatch-events-s3.html
 */
import { type BuiltWorkflow, type Condition, cond, intrinsic, type Ref, workflow } from "@statecraft/asl";
import { type ImageSummary, type ObjectLocation, UploadRequest } from "@statecraft/contracts/s3";
import { IMAGE_SUFFIXES } from "@statecraft/events";
import type { StatecraftConfig } from "../config.js";
import { imageTasks } from "./image-upload-tasks.js";

/**
 * Largest object processed: the thumbnail Lambda reads the whole image into
 * memory and refuses anything bigger (its `defaultMaxInputBytes`).
 */
export const maxImageBytes = 50 * 1024 * 1024;

/**
 * Lambda's own transient errors, retried as AWS recommends for Lambda tasks.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
 */
export const lambdaServiceRetry = {
  errors: ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
  intervalSeconds: 1,
  maxAttempts: 3,
  backoffRate: 2,
} as const;

/** What a Lambda error's `Cause` holds (a JSON string). */
interface LambdaErrorCause {
  readonly errorType: string;
  readonly errorMessage: string;
}

/** Every upper/lower-case spelling of `text` (`.png` → `.png`, `.pnG`, …, `.PNG`). */
export function caseVariants(text: string): string[] {
  let variants = [""];
  for (const char of text) {
    const spellings = [...new Set([char.toLowerCase(), char.toUpperCase()])];
    variants = variants.flatMap((prefix) => spellings.map((spelling) => prefix + spelling));
  }
  return variants;
}

/**
 * `key` ends with an image suffix in any case. JSONPath Choice rules compare
 * case-sensitively, so each spelling is its own `StringMatches` (the same
 * suffixes the CloudTrail rule matches with `equals-ignore-case`).
 */
function isImageKey(key: Ref<string>): Condition {
  const [first, ...rest] = IMAGE_SUFFIXES.flatMap((suffix) => caseVariants(suffix)).map((spelling) =>
    cond.stringMatches(key, `*${spelling}`),
  );
  if (first === undefined) return cond.isPresent(key, false);
  return cond.or(first, ...rest);
}

/** How an image-upload execution can succeed: processed, skipped, or refused as not a usable image. */
export type ImageUploadOutcome =
  | ImageSummary
  | { status: string; reason: string; source: ObjectLocation }
  | { status: string; error: "UnsupportedImage"; reason: string; source: ObjectLocation };

/** Builds the image-upload state machine for `config`. */
export function imageUpload(config: StatecraftConfig): BuiltWorkflow<UploadRequest, ImageUploadOutcome> {
  const { normalize, imageInfo, thumbnail } = imageTasks(config);
  return workflow({
    input: UploadRequest,
    comment: "S3 upload → skip non-images, refuse large objects → image info and thumbnail in parallel → summary",
  })
    .next(normalize)
    .retry(lambdaServiceRetry)
    .choice(
      (c) =>
        c
          .when(($) => isImageKey($.key), (image) => image, { comment: `key ends with ${IMAGE_SUFFIXES.join(" ")} (any case)` })
          .otherwise((other) =>
            other
              .pass({
                name: "Not an image",
                parameters: ($) => ({
                  status: "skipped",
                  reason: `not an image: the key does not end with ${IMAGE_SUFFIXES.join(", ")}`,
                  source: { bucket: $.bucket, key: $.key },
                }),
              })
              .succeed({ name: "Skipped" }),
          ),
      { name: "Is it an image?" },
    )
    .choice(
      (c) =>
        c
          .when(
            ($) => cond.numericGreaterThan($.size, maxImageBytes),
            (large) =>
              large.fail({
                name: "Too large",
                error: "ObjectTooLarge",
                cause: ($) =>
                  intrinsic.format(`s3://{}/{} is {} bytes; images up to ${maxImageBytes} bytes are processed`, $.bucket, $.key, $.size),
              }),
          )
          .otherwise((small) => small),
      { name: "Small enough?" },
    )
    .parallel(
      [
        (branch) => branch.next(imageInfo).retry(lambdaServiceRetry),
        (branch) => branch.next(thumbnail).retry(lambdaServiceRetry),
      ] as const,
      { name: "Image info and thumbnail", into: "results" },
    )
    .catch(
      ["UnsupportedImage"],
      (failed) =>
        failed
          .pass({
            name: "Read the error",
            parameters: ($) => ({
              source: { bucket: $.bucket, key: $.key },
              error: $.error.Error,
              // A caught Lambda error always has a Cause: {"errorType","errorMessage","trace"}.
              details: intrinsic.stringToJson<LambdaErrorCause>($.error.Cause as Ref<string>),
            }),
          })
          .pass({
            name: "Unsupported image",
            parameters: ($) => ({ status: "unsupported", error: $.error, reason: $.details.errorMessage, source: $.source }),
          })
          .succeed({ name: "Not processed" }),
      { into: "error" },
    )
    .pass({
      name: "Summary",
      parameters: ($) => ({
        format: $.results[0].format,
        width: $.results[0].width,
        height: $.results[0].height,
        thumbnailKey: $.results[1].key,
        source: { bucket: $.bucket, key: $.key },
      }),
    })
    .build();
}
