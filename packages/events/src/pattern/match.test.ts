import { describe, expect, it } from "vitest";
import { InvalidEventPatternException, matchEvent, parseEventPattern } from "./match.js";
import type { EventPattern } from "./schema.js";

const ec2Event = {
  version: "0",
  id: "ddddd4-aaaa-7777-4444-345dd43cc333",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "012345679012",
  time: "2017-10-02T16:24:49Z",
  region: "us-east-1",
  resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
  detail: {
    "c-count": 5,
    "d-count": 3,
    "x-limit": 301.8,
    "source-ip": "10.0.0.33",
    "instance-id": "i-000000aaaaaa00000",
    state: "running",
    empty: "",
    nothing: null,
    flag: true,
    nested: { inner: "value" },
  },
};

const matches = (pattern: EventPattern, event: unknown = ec2Event): boolean =>
  matchEvent(parseEventPattern(pattern), event).matched;

describe("matchEvent: values and structure", () => {
  it.each<[string, EventPattern, boolean]>([
    ["exact string", { source: ["aws.ec2"] }, true],
    ["exact string, other value", { source: ["aws.s3"] }, false],
    ["array of values is an OR", { source: ["aws.s3", "aws.ec2"] }, true],
    ["fields are ANDed", { source: ["aws.ec2"], region: ["eu-west-1"] }, false],
    ["nested field", { detail: { state: ["running"] } }, true],
    ["deeper nested field", { detail: { nested: { inner: ["value"] } } }, true],
    ["missing field never matches a value", { detail: { color: ["red"] } }, false],
    ["case matters for exact values", { source: ["AWS.EC2"] }, false],
    ["number equals number", { detail: { "c-count": [5] } }, true],
    ["a string never equals a number", { detail: { "c-count": ["5"] } }, false],
    ["empty string", { detail: { empty: [""] } }, true],
    ["empty string is not null", { detail: { nothing: [""] } }, false],
    ["null", { detail: { nothing: [null] } }, true],
    ["null is not the empty string", { detail: { empty: [null] } }, false],
    ["boolean literal", { detail: { flag: [true] } }, true],
    ["string 'true' is not true", { detail: { flag: ["true"] } }, false],
    ["event array: any element", { resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"] }, true],
    ["an object is not a leaf value", { detail: { nested: ["value"] } }, false],
    ["a leaf is not an object", { detail: { state: { inner: ["x"] } } }, false],
  ])("%s", (_name, pattern, expected) => {
    expect(matches(pattern)).toBe(expected);
  });

  it("matches arrays of objects element by element (array-consistent)", () => {
    const event = {
      employees: [
        { firstName: "John", lastName: "Doe" },
        { firstName: "Anna", lastName: "Smith" },
        [{ firstName: "Peter", lastName: "Jones" }],
      ],
    };
    expect(matches({ employees: { firstName: ["Anna"] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ["Peter"], lastName: ["Jones"] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ["Anna"], lastName: ["Jones"] } }, event)).toBe(false);
  });

  it("supports $or at any level", () => {
    expect(matches({ $or: [{ source: ["aws.s3"] }, { region: ["us-east-1"] }] })).toBe(true);
    expect(matches({ $or: [{ source: ["aws.s3"] }, { region: ["eu-west-1"] }] })).toBe(false);
    expect(matches({ detail: { $or: [{ state: ["stopped"] }, { "c-count": [5] }] } })).toBe(true);
  });

  it("names the first field that did not match", () => {
    const result = matchEvent({ source: ["aws.ec2"], detail: { state: ["stopped"] } }, ec2Event);
    expect(result).toEqual({ matched: false, field: "detail.state", reason: '"running" matches none of ["stopped"]' });
    expect(matchEvent({ detail: { color: ["red"] } }, ec2Event)).toMatchObject({ field: "detail.color" });
  });

  it("does not see inherited properties as fields", () => {
    expect(matches({ constructor: [{ exists: true }] }, {})).toBe(false);
  });
});

describe("matchEvent: comparison operators", () => {
  it.each<[string, EventPattern, boolean]>([
    ["prefix", { time: [{ prefix: "2017-10-02" }] }, true],
    ["prefix, no match", { time: [{ prefix: "2018" }] }, false],
    ["prefix only applies to strings", { detail: { "c-count": [{ prefix: "5" }] } }, false],
    ["prefix ignoring case", { source: [{ prefix: { "equals-ignore-case": "AWS.E" } }] }, true],
    ["suffix", { source: [{ suffix: "ec2" }] }, true],
    ["suffix is case-sensitive", { source: [{ suffix: "EC2" }] }, false],
    ["suffix ignoring case", { source: [{ suffix: { "equals-ignore-case": "EC2" } }] }, true],
    ["equals-ignore-case", { source: [{ "equals-ignore-case": "AWS.EC2" }] }, true],
    ["equals-ignore-case is whole-value", { source: [{ "equals-ignore-case": "AWS" }] }, false],
    ["wildcard", { "detail-type": [{ wildcard: "EC2*State*Notification" }] }, true],
    ["wildcard anchored at both ends", { "detail-type": [{ wildcard: "State*" }] }, false],
    ["wildcard without * is exact", { source: [{ wildcard: "aws.ec2" }] }, true],
    ["anything-but value", { detail: { state: [{ "anything-but": "initializing" }] } }, true],
    ["anything-but value, excluded", { detail: { state: [{ "anything-but": "running" }] } }, false],
    ["anything-but list", { detail: { state: [{ "anything-but": ["stopped", "running"] }] } }, false],
    ["anything-but numbers", { detail: { "c-count": [{ "anything-but": [100, 200] }] } }, true],
    ["anything-but number, excluded", { detail: { "c-count": [{ "anything-but": 5 }] } }, false],
    ["anything-but matches null", { detail: { nothing: [{ "anything-but": ["x"] }] } }, true],
    ["anything-but needs the field", { detail: { color: [{ "anything-but": "red" }] } }, false],
    ["anything-but prefix", { detail: { state: [{ "anything-but": { prefix: "run" } }] } }, false],
    ["anything-but prefix, kept", { detail: { state: [{ "anything-but": { prefix: "init" } }] } }, true],
    ["anything-but suffix", { detail: { state: [{ "anything-but": { suffix: "ing" } }] } }, false],
    ["anything-but ignore case", { detail: { state: [{ "anything-but": { "equals-ignore-case": "RUNNING" } }] } }, false],
    ["anything-but ignore case list", { detail: { state: [{ "anything-but": { "equals-ignore-case": ["A", "B"] } }] } }, true],
    ["anything-but wildcard", { detail: { "source-ip": [{ "anything-but": { wildcard: "10.*" } }] } }, false],
    ["exists true", { detail: { state: [{ exists: true }] } }, true],
    ["exists true on null", { detail: { nothing: [{ exists: true }] } }, true],
    ["exists true, missing", { detail: { color: [{ exists: true }] } }, false],
    ["exists false, missing", { detail: { color: [{ exists: false }] } }, true],
    ["exists false, present", { detail: { state: [{ exists: false }] } }, false],
    ["exists only sees leaves: object counts as absent", { detail: { nested: [{ exists: false }] } }, true],
    ["exists false under a missing parent", { missing: { deeper: [{ exists: false }] } }, true],
    ["numeric range", { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }] } }, true],
    ["numeric range, outside", { detail: { "c-count": [{ numeric: [">", 5, "<=", 10] }] } }, false],
    ["numeric equals", { detail: { "x-limit": [{ numeric: ["=", 3.018e2] }] } }, true],
    ["numeric only applies to numbers", { detail: { state: [{ numeric: [">", 0] }] } }, false],
    ["operators in one array are ORed", { source: [{ prefix: "nope" }, { suffix: "ec2" }] }, true],
  ])("%s", (_name, pattern, expected) => {
    expect(matches(pattern)).toBe(expected);
  });

  it("ORs entries of one field: a suffix and an anything-but prefix cannot be ANDed", () => {
    // Why the image rules never rely on two entries of the same field: this pattern
    // does not exclude thumbnails, it accepts anything that satisfies either entry.
    const pattern: EventPattern = {
      key: [{ suffix: ".png" }, { "anything-but": { prefix: "thumbnails/" } }],
    };
    expect(matches(pattern, { key: "thumbnails/cat.png" })).toBe(true);
    expect(matches(pattern, { key: "notes.txt" })).toBe(true);
  });

  it("applies wildcard escapes", () => {
    expect(matches({ k: [{ wildcard: "a\\*b" }] }, { k: "a*b" })).toBe(true);
    expect(matches({ k: [{ wildcard: "a\\*b" }] }, { k: "axb" })).toBe(false);
    expect(matches({ k: [{ wildcard: "a\\\\*" }] }, { k: "a\\anything" })).toBe(true);
    expect(matches({ k: [{ wildcard: "*a*a*" }] }, { k: "banana" })).toBe(true);
    expect(matches({ k: [{ wildcard: "*ab*ab" }] }, { k: "abab" })).toBe(true);
    expect(matches({ k: [{ wildcard: "a*a" }] }, { k: "a" })).toBe(false);
  });

  it("matches any element of an event array", () => {
    const event = { tags: ["blue", "green"], sizes: [1, 20] };
    expect(matches({ tags: [{ prefix: "gr" }] }, event)).toBe(true);
    expect(matches({ sizes: [{ numeric: [">", 10] }] }, event)).toBe(true);
    expect(matches({ tags: [{ "anything-but": "blue" }] }, event)).toBe(true);
    expect(matches({ tags: [{ exists: true }] }, { tags: [] })).toBe(false);
    expect(matches({ tags: [{ exists: false }] }, { tags: [] })).toBe(true);
  });
});

describe("parseEventPattern", () => {
  it.each<[string, unknown, string]>([
    ["a leaf that is not an array", { source: "aws.s3" }, "source"],
    ["an empty matcher list", { source: [] }, "source"],
    ["an empty pattern", {}, "(root)"],
    ["an unknown operator", { source: [{ contains: "s3" }] }, "source"],
    ["two operators in one object", { source: [{ prefix: "a", suffix: "b" }] }, "source"],
    ["consecutive wildcards", { key: [{ wildcard: "a**b" }] }, "key"],
    ["a bad escape", { key: [{ wildcard: "a\\b" }] }, "key"],
    ["a mixed anything-but list", { n: [{ "anything-but": ["a", 1] }] }, "n"],
    ["anything-but null", { n: [{ "anything-but": null }] }, "n"],
    ["a numeric range upside down", { n: [{ numeric: [">", 5, "<", 1] }] }, "n"],
    ["a numeric range with the wrong operators", { n: [{ numeric: ["<", 5, ">", 1] }] }, "n"],
    ["exists that is not a boolean", { n: [{ exists: "yes" }] }, "n"],
    ["$or with one branch", { $or: [{ a: ["x"] }] }, "$or"],
    ["$or of operators", { $or: [{ prefix: "a" }, { prefix: "b" }] }, "$or"],
    ["nested patterns in a list", { detail: [{ state: ["x"] }] }, "detail"],
  ])("refuses %s", (_name, pattern, where) => {
    expect(() => parseEventPattern(pattern)).toThrow(InvalidEventPatternException);
    expect(() => parseEventPattern(pattern)).toThrow(where);
  });

  it("accepts every operator form used in the docs", () => {
    const pattern = {
      source: ["aws.s3"],
      detail: {
        a: [{ prefix: "x" }, { prefix: { "equals-ignore-case": "X" } }],
        b: [{ suffix: ".png" }, { suffix: { "equals-ignore-case": ".PNG" } }],
        c: [{ "equals-ignore-case": "alice" }, { wildcard: "dir/*.png" }],
        d: [{ "anything-but": "x" }, { "anything-but": 1 }, { "anything-but": ["a", "b"] }, { "anything-but": [1, 2] }],
        e: [{ "anything-but": { prefix: "p" } }, { "anything-but": { suffix: "s" } }],
        f: [{ "anything-but": { "equals-ignore-case": ["a", "b"] } }, { "anything-but": { wildcard: "*/lib/*" } }],
        g: [{ exists: false }, { numeric: ["=", 1] }, { numeric: [">=", 0, "<", 1] }, null, true, 3],
        $or: [{ h: ["1"] }, { i: ["2"] }],
      },
    };
    expect(parseEventPattern(pattern)).toEqual(pattern);
  });
});
