export * from "./model/index.js";
export * from "./paths/index.js";
export * from "./builder/index.js";
export * from "./intrinsics/index.js";
export * from "./jsonata/index.js";
export * from "./validator/index.js";
