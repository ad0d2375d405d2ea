import { LyricsOutput, NameInput, SongOutput } from "@statecraft/contracts";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type { BuiltWorkflow } from "./build.js";
import type { CurrentOf } from "./chain-types.js";
import type { Ended } from "./chain.js";
import { cond } from "./conditions.js";
import { defineTask, lambdaInvokeTask, lambdaTask } from "./contract.js";
import { unsafeJsonPath } from "./expr.js";
import { workflow } from "./flow.js";
import { intrinsic } from "./intrinsic.js";

const arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
const song = lambdaTask({ name: "song", functionArn: arn, input: NameInput, output: SongOutput, errors: ["InvalidInput"] });
const lyrics = lambdaTask({ name: "lyrics", functionArn: arn, input: SongOutput, output: LyricsOutput });
const start = () => workflow({ input: NameInput });
/** The output type of a built workflow (compared alone: intersections and object types then compare equal). */
const outputOf = <Out>(_built: BuiltWorkflow<{ name: string }, Out>) => expectTypeOf<Out>();

describe("linking tasks", () => {
  it("infers the value after each link", () => {
    expectTypeOf<CurrentOf<ReturnType<typeof start>>>().toEqualTypeOf<{ name: string }>();
    outputOf(start().next(song).next(lyrics).build()).toEqualTypeOf<{ lyrics: string }>();
  });

  it("refuses lyrics right after a NameInput start", () => {
    // @ts-expect-error lyrics wants { song: string }; the workflow starts with { name: string }
    start().next(lyrics);
  });

  it("refuses a song whose output renamed `song`", () => {
    const renamed = lambdaTask({ name: "song", functionArn: arn, input: NameInput, output: z.object({ songTitle: z.string() }) });
    // @ts-expect-error { songTitle: string } does not fit lyrics' { song: string }
    start().next(renamed).next(lyrics);
  });

  it("accepts extra fields (ASL passes them along) but not missing ones", () => {
    const wide = defineTask({ name: "wide", resource: arn, input: NameInput, output: z.object({ song: z.string(), year: z.number() }) });
    outputOf(start().next(wide).next(lyrics).build()).toEqualTypeOf<{ lyrics: string }>();
  });

  it("places a result by key, reshapes it, and selects the output", () => {
    const into = start().next(song, { into: "found" });
    expectTypeOf<CurrentOf<typeof into>>().branded.toEqualTypeOf<{ name: string; found: { song: string } }>();
    const selected = start().next(song, { into: "found", resultSelector: (r) => ({ title: r.song, source: "seed" }) });
    outputOf(selected.build()).toEqualTypeOf<{ name: string; found: { title: string; source: string } }>();
    const output = start().next(song, { into: "found", outputPath: ($) => $.found.song });
    outputOf(output.build()).toEqualTypeOf<string>();
    const discarded = start().next(song, { discardResult: true });
    outputOf(discarded.build()).toEqualTypeOf<{ name: string }>();
  });

  it("checks a built input field by field", () => {
    const placed = start().next(song, { into: "found" });
    outputOf(placed.nextWith(lyrics, ($) => ({ song: $.found.song })).build()).toEqualTypeOf<{ lyrics: string }>();
    // @ts-expect-error `name` is a string but there is no `nope` field
    placed.nextWith(lyrics, ($) => ({ song: $.nope }));
    const numbers = start().pass({ result: { n: 1 } });
    // @ts-expect-error a number does not fit lyrics' `song: string`
    numbers.nextWith(lyrics, ($) => ({ song: $.n }));
  });

  it("types the lambda:invoke envelope", () => {
    const invoke = lambdaInvokeTask({ name: "song", functionArn: arn, input: NameInput, output: SongOutput });
    const enveloped = start().next(invoke);
    // @ts-expect-error the result is the Invoke envelope, not the payload
    enveloped.next(lyrics);
    outputOf(start().next(invoke, { outputPath: (o) => o.Payload }).next(lyrics).build()).toEqualTypeOf<{ lyrics: string }>();
    outputOf(start().next(invoke, { outputPath: (o) => o.StatusCode }).build()).toEqualTypeOf<number>();
  });
});

describe("terminal states", () => {
  it("has no next after Succeed or Fail", () => {
    const ended = start().next(song).succeed();
    expectTypeOf(ended).toEqualTypeOf<Ended<{ name: string }, { song: string }>>();
    outputOf(ended.build()).toEqualTypeOf<{ song: string }>();
    // @ts-expect-error a Succeed state ends the chain
    ended.next(lyrics);
    // @ts-expect-error a Fail state ends the chain
    start().fail({ error: "E" }).next(song);
    outputOf(start().fail({ error: "E" }).build()).toEqualTypeOf<never>();
  });

  it("selects the execution output of a Succeed", () => {
    outputOf(start().succeed({ outputPath: ($) => $.name }).build()).toEqualTypeOf<string>();
  });
});

describe("Retry and Catch", () => {
  it("catches only errors the task can raise (and States.*)", () => {
    const plain = defineTask({ name: "plain", resource: arn, input: NameInput, output: SongOutput });
    start().next(plain).retry({ errors: ["States.Timeout"] }).catch(["States.TaskFailed"], (e) => e.fail());
    // @ts-expect-error a task that declares no errors raises only States.* errors
    start().next(plain).catch(["InvalidInput"], (e) => e.fail());
    start().next(song).catch(["InvalidInput"], (e) => e.fail());
    start().next(song).catch(["States.ALL"], (e) => e.fail());
    // @ts-expect-error the song task does not raise SongNotFound
    start().next(song).catch(["SongNotFound"], (e) => e.fail());
    // @ts-expect-error States.Runtime cannot be caught
    start().next(song).catch(["States.Runtime"], (e) => e.fail());
    // @ts-expect-error a Pass state has no Catch
    start().pass().catch(["States.ALL"], (e) => e.fail());
    // @ts-expect-error the song task does not raise SongNotFound
    start().next(song).retry({ errors: ["SongNotFound"] });
  });

  it("hands the handler the error output, and joins it", () => {
    start()
      .next(song)
      .catch(["InvalidInput"], (e) => {
        outputOf(e.build()).toEqualTypeOf<{ readonly Error: "InvalidInput"; readonly Cause?: string }>();
        return e.fail();
      });
    start()
      .next(song)
      .catch(["States.ALL"], (e) => {
        outputOf(e.build()).toEqualTypeOf<{ readonly Error: string; readonly Cause?: string }>();
        return e.fail();
      });
    const joined = start()
      .next(song)
      .catch(["InvalidInput"], (e) => e.pass({ result: { song: "unknown" } }), { into: "error" });
    // { song: "unknown" } is already a { song: string }: the join keeps the wider type.
    outputOf(joined.build()).toEqualTypeOf<{ song: string }>();
    const other = start()
      .next(song)
      .catch(["InvalidInput"], (e) => e.pass({ result: { reason: "bad name" } }));
    outputOf(other.build()).toEqualTypeOf<{ song: string } | { readonly reason: "bad name" }>();
    joined.next(lyrics);
  });
});

describe("Choice", () => {
  const scored = start().pass({ parameters: ($) => ({ name: $.name, score: intrinsic.mathAdd(1, 2) }) });

  it("types conditions over the current value", () => {
    scored.choice((c) => c.when(($) => cond.numericGreaterThan($.score, 3), (b) => b.succeed()));
    scored.choice((c) => c.when(($) => cond.stringEquals($.name, "PSY"), (b) => b.succeed()));
    // @ts-expect-error `name` is a string: no numeric comparison
    scored.choice((c) => c.when(($) => cond.numericEquals($.name, 3), (b) => b.succeed()));
    // @ts-expect-error `score` is a number: no string comparison
    scored.choice((c) => c.when(($) => cond.stringEquals($.score, "3"), (b) => b.succeed()));
    // @ts-expect-error there is no `age` field
    scored.choice((c) => c.when(($) => cond.isPresent($.age), (b) => b.succeed()));
    // A hand-written path is unknown: any operator takes it.
    scored.choice((c) => c.when(() => cond.numericEquals(unsafeJsonPath("$.score"), 3), (b) => b.succeed()));
  });

  it("joins the branches with the union of their values", () => {
    const joined = start().choice((c) =>
      c
        .when(($) => cond.stringEquals($.name, "PSY"), (b) => b.next(song))
        .when(($) => cond.stringEquals($.name, "none"), (b) => b.fail({ error: "NoName" }))
        .otherwise((b) => b.pass({ result: { other: true } })),
    );
    outputOf(joined.build()).toEqualTypeOf<{ song: string } | { readonly other: true }>();
    // @ts-expect-error { other: true } does not fit lyrics
    joined.next(lyrics);
  });

  it("ends when every branch ends", () => {
    const ended = start().choice((c) => c.when(($) => cond.isPresent($.name), (b) => b.succeed()).otherwise((b) => b.fail()));
    expectTypeOf(ended).toEqualTypeOf<Ended<{ name: string }, { name: string }>>();
  });

  it("loops back only with a value that fits", () => {
    const polled = start().next(song);
    const poll = polled.ref;
    polled.choice((c) => c.when(($) => cond.stringEquals($.song, "i dont know"), (b) => b.pass({ parameters: ($) => ({ name: $.song }) }).goto(poll)));
    // @ts-expect-error the song state takes { name: string }, not { song: string }
    polled.choice((c) => c.when(($) => cond.stringEquals($.song, "x"), (b) => b.goto(poll)));
  });
});

describe("Parallel, Map, Pass, Wait", () => {
  it("gives a Parallel the tuple of its branch outputs", () => {
    const both = start().parallel([(b) => b.next(song), (b) => b.pass({ result: 3 })] as const);
    outputOf(both.build()).toEqualTypeOf<[{ song: string }, 3]>();
  });

  it("gives a Map the array of its iteration outputs, with a typed ItemSelector", () => {
    const names = start().pass({ parameters: ($) => ({ names: intrinsic.array($.name, $.name) }) });
    const mapped = names.map({ items: ($) => $.names }, (item) => item.pass({ parameters: ($) => ({ name: $ }) }).next(song));
    outputOf(mapped.build()).toEqualTypeOf<{ song: string }[]>();
    const selected = names.map(
      { items: ($) => $.names, itemSelector: (_$, { item, index }) => ({ name: item, index }) },
      (item) => item,
      { into: "results" },
    );
    outputOf(selected.build()).toEqualTypeOf<{ names: [string, string]; results: { name: string; index: number }[] }>();
    // @ts-expect-error `names` holds strings, lyrics wants { song }
    names.map({ items: ($) => $.names }, (item) => item.next(lyrics));
  });

  it("types Pass results and keeps the value through Wait", () => {
    outputOf(start().pass({ result: { ok: true, n: [1, 2] } }).build()).toEqualTypeOf<{ readonly ok: true; readonly n: readonly [1, 2] }>();
    outputOf(start().pass({ result: 1, into: "one" }).build()).toEqualTypeOf<{ name: string; one: 1 }>();
    outputOf(start().wait({ seconds: 5 }).build()).toEqualTypeOf<{ name: string }>();
    // @ts-expect-error `name` is not a number of seconds
    start().wait({ seconds: ($) => $.name });
  });

  it("makes a raw JSONPath unknown", () => {
    const raw = start().pass({ parameters: () => unsafeJsonPath("$.a[?(@.b > 1)]") });
    outputOf(raw.build()).toEqualTypeOf<unknown>();
    // @ts-expect-error an unknown value fits no typed task
    raw.next(song);
  });
});

describe("variables", () => {
  it("types what Assign sets, and refuses reading what was never set", () => {
    const assigned = start().next(song, { assign: (r) => ({ found: r.song }) });
    assigned.nextWith(lyrics, (_$, { vars }) => ({ song: vars.found }));
    // @ts-expect-error no state assigned `missing`
    assigned.nextWith(lyrics, (_$, { vars }) => ({ song: vars.missing }));
    start().nextWith(song, (_$, { context }) => ({ name: context.Execution.Input.name }));
  });
});
