import { describe, expect, it } from "vitest";
import { InvalidConfig, parseConfig } from "./config.js";

const defaults = {
  region: "us-east-1",
  account: "123456789012",
  functions: { song: "song", lyrics: "lyrics", normalize: "normalize", imageInfo: "image-info", thumbnail: "thumbnail" },
};

describe("parseConfig", () => {
  it("fills every default when there is no file", () => {
    expect(parseConfig(undefined, {})).toEqual(defaults);
    expect(parseConfig("{}", {})).toEqual(defaults);
  });

  it("lets STATECRAFT_REGION and STATECRAFT_ACCOUNT override the file", () => {
    const file = JSON.stringify({ region: "eu-west-1", account: "111111111111" });
    expect(parseConfig(file, {})).toMatchObject({ region: "eu-west-1", account: "111111111111" });
    expect(parseConfig(file, { STATECRAFT_REGION: "ap-south-2", STATECRAFT_ACCOUNT: "222222222222" })).toMatchObject({
      region: "ap-south-2",
      account: "222222222222",
    });
    expect(parseConfig(file, { STATECRAFT_REGION: "" })).toMatchObject({ region: "eu-west-1" });
  });

  it("names every wrong field", () => {
    expect(() => parseConfig(JSON.stringify({ account: "12", functions: { song: "" } }), {})).toThrow(
      /account: account must be 12 digits; functions\.song:/,
    );
    expect(() => parseConfig("{}", { STATECRAFT_REGION: "Mars" })).toThrow(/region: region must look like us-east-1/);
    expect(() => parseConfig(JSON.stringify({ regoin: "us-east-1" }), {})).toThrow(InvalidConfig);
    expect(() => parseConfig("[1]", {})).toThrow(/\(root\)/);
    expect(() => parseConfig("{", {})).toThrow(/not valid JSON/);
  });
});
