/**
 * Test support: one workflow per state type (and per option family), built in
 * both query languages. The golden tests pin their rendered ASL.
 */
import { LyricsOutput, NameInput, SongOutput } from "@statecraft/contracts";
import * as z from "zod";
import type { QueryLanguage } from "../model/index.js";
import { cond } from "./conditions.js";
import { defineTask, lambdaInvokeTask, lambdaTask } from "./contract.js";
import { workflow } from "./flow.js";
import { intrinsic } from "./intrinsic.js";

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
export const song = lambdaTask({ name: "song", functionArn: fn("song"), input: NameInput, output: SongOutput, errors: ["InvalidInput"] });
export const lyrics = lambdaTask({ name: "lyrics", functionArn: fn("lyrics"), input: SongOutput, output: LyricsOutput });
const invoke = lambdaInvokeTask({ name: "song", functionArn: fn("song"), input: NameInput, output: SongOutput });
const Job = z.object({ jobId: z.string(), delay: z.number(), at: z.string(), role: z.string(), tags: z.array(z.string()) });
const status = defineTask({
  name: "status",
  resource: "arn:aws:states:::aws-sdk:batch:describeJobs",
  input: Job,
  output: z.object({ status: z.enum(["RUNNING", "DONE", "FAILED"]) }),
});

/** Each scenario builds a workflow in the given query language. */
export const scenarios: Readonly<Record<string, (queryLanguage: QueryLanguage) => { definition: unknown }>> = {
  "Task with every option, Retry and Catch": (queryLanguage) =>
    workflow({ input: Job, queryLanguage })
      .nextWith(status, ($) => ({ jobId: $.jobId, delay: 1, at: $.at, role: $.role, tags: $.tags }), {
        timeoutSeconds: ($) => $.delay,
        heartbeatSeconds: 5,
        roleArn: ($) => $.role,
        resultSelector: (r) => ({ s: r.status }),
        into: "result",
        outputPath: ($) => $.result,
        assign: (r, { context }) => ({ last: r.s, when: context.State.EnteredTime }),
      })
      .retry({ errors: ["States.Timeout"], intervalSeconds: 2, maxAttempts: 3, backoffRate: 1.5, maxDelaySeconds: 10, jitter: "FULL" })
      .catch(["States.ALL"], (e) => e.fail({ error: ($) => $.error.Error, cause: "failed" }), { into: "error" })
      .build(),
  "lambda:invoke with the payload selected": (queryLanguage) =>
    workflow({ input: NameInput, queryLanguage }).next(invoke, { outputPath: (o) => o.Payload }).next(lyrics).build(),
  "Pass: identity, Result, Parameters with an intrinsic, Assign": (queryLanguage) =>
    workflow({ input: Job, queryLanguage })
      .pass()
      .pass({ result: { a: [1, "{% x %}"] }, name: "Fixed", into: "fixed" })
      .pass({
        parameters: ($) => ({ id: $.jobId, greeting: intrinsic.format("job {} at {}", $.jobId, $.delay) }),
        into: "p",
        assign: (_$, { context }) => ({ entered: context.State.EnteredTime }),
      })
      .build(),
  "Wait: seconds, seconds path, timestamp, timestamp path": (queryLanguage) =>
    workflow({ input: Job, queryLanguage })
      .wait({ seconds: 3 })
      .wait({ seconds: ($) => $.delay })
      .wait({ timestamp: "2026-12-01T00:00:00Z" })
      .wait({ timestamp: ($) => $.at, comment: "until at" })
      .build(),
  "Succeed with an output path": (queryLanguage) => workflow({ input: Job, queryLanguage }).succeed({ outputPath: ($) => $.jobId }).build(),
  "Fail with an error and a computed cause": (queryLanguage) =>
    workflow({ input: Job, queryLanguage }).fail({ error: "JobFailed", cause: ($) => intrinsic.format("job {}", $.jobId) }).build(),
  "Choice: operators, joins, Default and a loop": (queryLanguage) => {
    const checked = workflow({ input: Job, queryLanguage }).next(status, { into: "check" });
    const again = checked.ref;
    return checked
      .choice((c) =>
        c
          .when(($) => cond.stringEquals($.check.status, "FAILED"), (b) => b.fail({ error: "JobFailed" }))
          .when(
            ($) => cond.and(cond.numericGreaterThan($.delay, 0), cond.not(cond.stringMatches($.jobId, "test-*"))),
            (b) => b.wait({ seconds: ($) => $.delay }).goto(again),
            { comment: "still running" },
          )
          .when(($) => cond.or(cond.isPresent($.role, false), cond.timestampLessThan($.at, "2026-01-01T00:00:00Z")), (b) => b.pass({ name: "Old" }))
          .otherwise((b) => b),
      )
      .succeed()
      .build();
  },
  "Parallel with two branches and a result key": (queryLanguage) =>
    workflow({ input: NameInput, queryLanguage })
      .parallel([(b) => b.next(song), (b) => b.pass({ result: "other" })] as const, { into: "both" })
      .build(),
  "Map with items, ItemSelector and concurrency": (queryLanguage) =>
    workflow({ input: Job, queryLanguage })
      .map(
        { items: ($) => $.tags, itemSelector: ($, { item, index }) => ({ tag: item, index, job: $.jobId }), maxConcurrency: 2 },
        (item) => item.pass({ parameters: ($) => ({ label: intrinsic.format("{}#{}", $.tag, $.index) }) }),
        { into: "labels" },
      )
      .build(),
};
