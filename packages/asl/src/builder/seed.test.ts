import { LyricsOutput, NameInput, SongOutput } from "@statecraft/contracts";
import { describe, expect, it } from "vitest";
import { lambdaFunctionArn, lambdaTask, workflow } from "./index.js";

const arn = (functionName: string) => lambdaFunctionArn({ region: "us-east-1", account: "123456789012", functionName });
const song = lambdaTask({ name: "song", functionArn: arn("song"), input: NameInput, output: SongOutput });
const lyrics = lambdaTask({ name: "lyrics", functionArn: arn("lyrics"), input: SongOutput, output: LyricsOutput });

describe("seed workflow", () => {
  it("renders song → lyrics with direct Lambda ARNs", () => {
    const built = workflow({ input: NameInput }).next(song).next(lyrics).build();
    expect(JSON.stringify(built.definition)).toBe(
      JSON.stringify({
        StartAt: "song",
        States: {
          song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "lyrics" },
          lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
        },
      }),
    );
    expect(built.output).toBe(LyricsOutput);
    expect(built.input).toBe(NameInput);
  });
});
