/**
 * The seed workflow's tasks, declared from the shared contracts. The Lambda
 * handlers implement the same contracts (checked in `contracts.test-d.ts`).
 */
import { lambdaFunctionArn, lambdaTask } from "@statecraft/asl";
import { LyricsOutput, NameInput, SongOutput } from "@statecraft/contracts";
import type { StatecraftConfig } from "./config.js";

/** The ARN of the function configured for `task`. */
export function functionArn(config: StatecraftConfig, task: keyof StatecraftConfig["functions"]): string {
  return lambdaFunctionArn({ region: config.region, account: config.account, functionName: config.functions[task] });
}

/** The `song` and `lyrics` Lambda tasks (direct function ARNs). Both reject bad input with `InvalidInput`. */
export function seedTasks(config: StatecraftConfig) {
  return {
    song: lambdaTask({
      name: "song",
      functionArn: functionArn(config, "song"),
      input: NameInput,
      output: SongOutput,
      errors: ["InvalidInput"],
    }),
    lyrics: lambdaTask({
      name: "lyrics",
      functionArn: functionArn(config, "lyrics"),
      input: SongOutput,
      output: LyricsOutput,
      errors: ["InvalidInput"],
    }),
  };
}
