/**
 * ARNs of S3 buckets and objects. Object ARNs carry the raw key.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

/** The partition a region belongs to: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** `arn:aws:s3:::bucket`. */
export function bucketArn(bucket: string, region: string): string {
  return `arn:${partitionOf(region)}:s3:::${bucket}`;
}

/** `arn:aws:s3:::bucket/key`. */
export function objectArn(bucket: string, key: string, region: string): string {
  return `${bucketArn(bucket, region)}/${key}`;
}
