import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkedInFixtureUrl, type FixtureName, generatedFixtureUrl } from "./fixtures.js";

describe("test fixtures", () => {
  // The checked-in copies stand in for infra's output when it has not been built; they must not drift from it.
  test.each<FixtureName>(["song-lyrics", "image-upload"])("the checked-in %s matches infra's generated ASL when that exists", (name) => {
    const generated = generatedFixtureUrl(name);
    if (!existsSync(generated)) return;
    const read = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));
    expect(read(checkedInFixtureUrl(name)), `copy infra/dist/asl/${name}.asl.json to src/test-fixtures/`).toEqual(read(generated));
  });
});
