export { LyricsOutput, NameInput, SongOutput } from "./seed.js";
export { type ContractIssue, describeIssues, InvalidInput, parseContract } from "./validation.js";
export {
  ImageFormat,
  ImageInfo,
  ImageSummary,
  normalizeUpload,
  parseUploadRequest,
  ThumbnailOutput,
  UploadedObject,
  UploadRequest,
} from "./s3/index.js";
