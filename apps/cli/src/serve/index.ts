/** The local Step Functions API (`sfn serve`). */
export { ApiError } from "./errors.js";
export { MockConfig, InvalidMockConfig } from "./mock-config.js";
export {
  type ExtraRoute,
  type LocalApi,
  type RunningServer,
  type ServerOptions,
  startServer,
} from "./server.js";
export { DataDirectoryInUse } from "./store.js";
export type { WireEvent } from "./wire.js";
