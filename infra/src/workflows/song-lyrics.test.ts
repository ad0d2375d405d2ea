import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.js";
import { songLyrics } from "./song-lyrics.js";

describe("song-lyrics workflow", () => {
  it("renders the golden ASL with the default configuration", () => {
    const { definition } = songLyrics(parseConfig(undefined, {}));
    // Stringified so the key order (Type first, End last) is part of the golden value.
    expect(JSON.stringify(definition, null, 2)).toBe(
      JSON.stringify(
        {
          StartAt: "song",
          States: {
            song: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:song", Next: "lyrics" },
            lyrics: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:lyrics", End: true },
          },
        },
        null,
        2,
      ),
    );
  });

  it("takes region, account and function names from the configuration", () => {
    const config = parseConfig(
      JSON.stringify({ functions: { song: "prod-song", lyrics: "prod-lyrics" } }),
      { STATECRAFT_REGION: "eu-west-3", STATECRAFT_ACCOUNT: "000011112222" },
    );
    const { definition } = songLyrics(config);
    expect(definition.States["song"]).toMatchObject({ Resource: "arn:aws:lambda:eu-west-3:000011112222:function:prod-song" });
    expect(definition.States["lyrics"]).toMatchObject({
      Resource: "arn:aws:lambda:eu-west-3:000011112222:function:prod-lyrics",
    });
  });
});
