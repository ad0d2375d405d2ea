import { describe, expect, it } from "vitest";
import { failure, problems, run } from "../functions.test-support.js";

describe("States.Hash", () => {
  it("hashes the AWS guide example with SHA-1", () => {
    // The guide prints this digest with one "4" missing (…d7485e8…); this is SHA-1("input data").
    expect(run("States.Hash($.Data, $.Algorithm)", { Data: "input data", Algorithm: "SHA-1" })).toBe(
      "aaff4a450a104cd177d28d18d74485e8cae074b7",
    );
  });

  it.each([
    ["MD5", "812f45842bc6d66ee14572ce20db8e86"],
    ["SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"],
    [
      "SHA-384",
      "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
    ],
    [
      "SHA-512",
      "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
    ],
  ])("hashes with %s", (algorithm, digest) => {
    expect(run(`States.Hash('input data', '${algorithm}')`)).toBe(digest);
  });

  it("refuses unknown or wrongly spelled algorithms", () => {
    expect(problems("States.Hash('x', 'sha-256')")).toEqual([
      "States.Hash: the algorithm (argument 2) must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but received \"sha-256\"",
    ]);
    expect(failure("States.Hash('x', $.a)", { a: "SHA256" })).toContain("must be one of MD5");
  });

  it("accepts 10,000 characters of data and refuses more", () => {
    expect(run("States.Hash($.d, 'MD5')", { d: "x".repeat(10_000) })).toHaveLength(32);
    expect(failure("States.Hash($.d, 'MD5')", { d: "x".repeat(10_001) })).toContain(
      "the data (argument 1) must have at most 10000 characters (it has 10001)",
    );
  });

  it("requires string data", () => {
    expect(failure("States.Hash($.d, 'MD5')", { d: { a: 1 } })).toContain(
      "the data (argument 1) must be a string, but received object",
    );
  });
});
