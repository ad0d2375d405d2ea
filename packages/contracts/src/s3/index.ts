export { S3CloudTrailEvent, S3UploadCall } from "./cloudtrail-event.js";
export { S3ObjectCreatedEvent } from "./eventbridge-object-created.js";
export { ImageFormat, ImageInfo, ImageSummary, imageContentTypes, ThumbnailOutput } from "./image.js";
export { objectUri, RecursiveThumbnail, thumbnailKeyFor, thumbnailPrefix, UnsupportedImage } from "./image-errors.js";
export { decodeFormKey, normalizeUpload, uploadEventContract } from "./normalize-upload.js";
export { S3NotificationEvent, S3NotificationRecord } from "./notification-event.js";
export { parseUploadRequest, UploadRequest } from "./upload-request.js";
export { BucketName, ByteSize, ObjectKey, ObjectLocation, UploadedObject } from "./uploaded-object.js";
