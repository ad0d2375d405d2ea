import { sharedConfig } from "@statecraft/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig(sharedConfig);
