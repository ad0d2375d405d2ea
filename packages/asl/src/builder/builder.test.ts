import { NameInput, SongOutput } from "@statecraft/contracts";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { cond } from "./conditions.js";
import { defineTask, lambdaTask } from "./contract.js";
import { BuilderError, InvalidDefinitionError } from "./errors.js";
import { unsafeJsonata, unsafeJsonPath } from "./expr.js";
import { workflow } from "./flow.js";
import { lyrics, song } from "./golden-scenarios.test-support.js";

const start = () => workflow({ input: NameInput });
const arn = "arn:aws:lambda:us-east-1:123456789012:function:f";

describe("state names", () => {
  it("come from the task or the option, made unique across nested graphs", () => {
    const { definition } = start()
      .next(song)
      .pass({ name: "song" })
      .parallel([(b) => b.pass(), (b) => b.pass({ name: "Pass" })] as const)
      .build();
    expect(Object.keys(definition.States)).toEqual(["song", "song 2", "Parallel"]);
    const branches = definition.States["Parallel"];
    expect(branches?.Type === "Parallel" && branches.Branches.map((b) => b.StartAt)).toEqual(["Pass", "Pass 2"]);
  });
});

describe("graph shape", () => {
  it("ends the open exits with End: true and sends a dangling Default to an added Succeed", () => {
    const { definition } = start()
      .choice((c) => c.when(($) => cond.stringEquals($.name, "PSY"), (b) => b.next(song)).otherwise((b) => b))
      .build();
    expect(definition.States).toMatchObject({
      Choice: { Type: "Choice", Choices: [{ Next: "song" }], Default: "Done" },
      song: { Type: "Task", End: true },
      Done: { Type: "Succeed" },
    });
  });

  it("refuses goto into another graph and building nothing", () => {
    const outer = start().pass();
    const ref = outer.ref;
    expect(() => outer.map({ items: () => unsafeJsonPath("$.list") as never }, (item) => item.goto(ref as never))).toThrow(
      /goto\("Pass"\): the state is not placed in this graph/,
    );
    expect(() => start().build()).toThrow(BuilderError);
  });

  it("refuses Retry and Catch after a state that has none", () => {
    const passed = start().pass();
    expect(() => (passed as unknown as { retry(o: object): unknown }).retry({ errors: ["States.ALL"] })).toThrow(
      "retry() applies to the Task, Parallel or Map state placed just before",
    );
  });

  it("validates at build and lists every problem", () => {
    const long = "x".repeat(81);
    const build = () =>
      start()
        .next(song)
        .retry({ errors: ["States.ALL"] })
        .retry({ errors: ["InvalidInput"] })
        .pass({ name: long })
        .build();
    expect(build).toThrow(InvalidDefinitionError);
    try {
      build();
    } catch (error) {
      expect((error as InvalidDefinitionError).name).toBe("States.InvalidDefinition");
      expect((error as InvalidDefinitionError).problems.map((p) => p.pointer)).toEqual([`/States/${long}`, "/States/song/Retry/0/ErrorEquals"]);
    }
  });
});

describe("schemas of the workflow", () => {
  it("describe the input and the union of every way the execution can succeed", () => {
    const built = start()
      .choice((c) =>
        c.when(($) => cond.stringEquals($.name, "x"), (b) => b.pass({ result: { skipped: true } }).succeed()).otherwise((b) => b.next(song)),
      )
      .build();
    expect(built.input).toBe(NameInput);
    expect(z.toJSONSchema(built.output)).toMatchObject({
      anyOf: [
        { type: "object", properties: { skipped: { const: true } }, required: ["skipped"] },
        { type: "object", properties: { song: { type: "string" } }, required: ["song"] },
      ],
    });
    expect(built.output.safeParse({ song: "gangnam style" }).success).toBe(true);
    expect(built.output.safeParse({ lyrics: "x" }).success).toBe(false);
  });

  it("follow results placed by key and selected", () => {
    const placed = start().next(song, { into: "found", resultSelector: (r) => ({ title: r.song }) }).build();
    expect(placed.output.parse({ name: "PSY", found: { title: "t" } })).toEqual({ name: "PSY", found: { title: "t" } });
    expect(placed.output.safeParse({ name: "PSY", found: { song: "t" } }).success).toBe(false);
  });
});

describe("templates", () => {
  const echo = defineTask({ name: "echo", resource: arn, input: z.unknown(), output: z.unknown() });

  it("render odd field names, nested objects, arrays of expressions and literals that look like JSONata", () => {
    const Odd = z.object({ "a b": z.string(), "it's": z.number(), and: z.string(), list: z.array(z.string()) });
    const chain = (queryLanguage: "JSONPath" | "JSONata") =>
      workflow({ input: Odd, queryLanguage })
        .nextWith(echo, ($) => ({ x: $["a b"], y: $["it's"], z: $.and, nested: { first: $.list[0] }, both: [$.and, 1], text: "{% not an expression %}" }))
        .build().definition.States["echo"];
    expect(chain("JSONPath")).toMatchObject({
      Parameters: {
        "x.$": "$['a b']",
        "y.$": "$['it\\'s']",
        "z.$": "$.and",
        nested: { "first.$": "$.list[0]" },
        "both.$": "States.Array($.and, 1)",
        text: "{% not an expression %}",
      },
    });
    expect(chain("JSONata")).toMatchObject({
      Arguments: {
        x: "{% $states.input.`a b` %}",
        y: "{% $states.input.`it's` %}",
        z: "{% $states.input.`and` %}",
        nested: { first: "{% $states.input.list[0] %}" },
        both: ["{% $states.input.`and` %}", 1],
        text: '{% "{% not an expression %}" %}',
      },
    });
  });

  it("use a bare input path as InputPath, and escape hatches only in their own language", () => {
    expect(start().nextWith(echo, ($) => $.name).build().definition.States["echo"]).toMatchObject({ InputPath: "$.name" });
    expect(() => start().nextWith(echo, () => ({ now: unsafeJsonata("$now()") })).build()).toThrow("cannot be used in a JSONPath state");
    expect(() => workflow({ input: NameInput, queryLanguage: "JSONata" }).nextWith(echo, () => unsafeJsonPath("$.a")).build()).toThrow(
      "cannot be used in a JSONata state",
    );
    const raw = workflow({ input: NameInput, queryLanguage: "JSONata" }).nextWith(echo, () => ({ now: unsafeJsonata("$now()") })).build();
    expect(raw.definition.States["echo"]).toMatchObject({ Arguments: { now: "{% $now() %}" } });
  });

  it("refuses what JSONPath cannot express", () => {
    expect(() => start().nextWith(echo, ($) => ({ list: [{ n: $.name }] })).build()).toThrow("can only hold expressions and scalars");
    expect(() => start().nextWith(echo, () => ({ "x.$": "literal" })).build()).toThrow('a literal key may not end with ".$"');
    expect(() => start().pass({ parameters: ($) => ({ n: $.name }), assign: ($) => ({ v: $.name }) }).build()).toThrow("split it in two");
  });

  it("refuses a variable read before it is assigned", () => {
    expect(() => start().nextWith(song, (_$, { vars }) => ({ name: (vars as Record<string, never>)["nope"] as never })).build()).toThrow(
      'variable "nope" is read before any state assigns it',
    );
  });
});

describe("task contracts", () => {
  it("refuse reserved error names", () => {
    expect(() => lambdaTask({ name: "t", functionArn: arn, input: NameInput, output: SongOutput, errors: ["States.Custom"] })).toThrow(
      "reserved error names: States.Custom",
    );
  });

  it("chain the seed tasks", () => {
    expect(start().next(song).next(lyrics).build().definition.StartAt).toBe("song");
  });
});
