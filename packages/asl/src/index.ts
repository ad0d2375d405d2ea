export * from "./model/index.js";
export * from "./paths/index.js";
