import { NameInput, SongOutput } from "@statecraft/contracts";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type { BuiltWorkflow } from "./build.js";
import { lambdaTask } from "./contract.js";
import { workflow } from "./flow.js";

const arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
const song = lambdaTask({ name: "song", functionArn: arn, input: NameInput, output: SongOutput });
const year = lambdaTask({ name: "year", functionArn: arn, input: NameInput, output: z.object({ year: z.number() }) });

describe("paths into a tuple", () => {
  it("keep each position's type (Parallel results)", () => {
    const summary = workflow({ input: NameInput })
      .parallel([(b) => b.next(song), (b) => b.next(year)] as const, { into: "results" })
      .pass({ parameters: ($) => ({ title: $.results[0].song, year: $.results[1].year, name: $.name }) });
    expectTypeOf(summary.build()).toEqualTypeOf<BuiltWorkflow<{ name: string }, { title: string; year: number; name: string }>>();
  });

  it("refuse a position the tuple does not have, or a field of another position", () => {
    workflow({ input: NameInput })
      .parallel([(b) => b.next(song), (b) => b.next(year)] as const)
      // @ts-expect-error the first branch outputs { song }, not { year }
      .pass({ parameters: ($) => ({ y: $[0].year }) });
    workflow({ input: NameInput })
      .parallel([(b) => b.next(song), (b) => b.next(year)] as const)
      // @ts-expect-error there are two branches
      .pass({ parameters: ($) => ({ z: $[2] }) });
  });
});
