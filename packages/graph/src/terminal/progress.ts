/**
 * A live terminal view of an execution: every state as it is entered and
 * left, with its duration, retries as they happen, caught and fatal errors,
 * and a summary line. It takes the engine's event stream (`onEvent`) one
 * AWS-shaped history event at a time.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import pc from "picocolors";
import { finishVisits, HistoryReader, type Visit } from "../history/analyze.js";
import {
  attemptPhase,
  compoundPhase,
  enteredStateType,
  eventTime,
  executionEndStatus,
  exitedStateType,
  type HistoryEventLike,
} from "../history/events.js";
import { formatDuration } from "../report/format.js";

/** Where the printer writes: a stream, or anything with `write`. */
export interface ProgressOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Options of {@link createProgressPrinter}. */
export interface ProgressOptions {
  /** Colours on or off. @default {@link shouldUseColor}(out, env) */
  readonly color?: boolean;
  /** Environment read for `NO_COLOR`/`FORCE_COLOR`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Print the execution output (or error) after the summary line. @default true */
  readonly showOutput?: boolean;
  /** Longest error cause printed on one line. @default 160 */
  readonly maxCauseLength?: number;
  /** Print each state's input when it is entered and its output when it is left. @default false */
  readonly showData?: boolean;
  /** Longest input or output printed on one line. @default 200 */
  readonly maxDataLength?: number;
}

/**
 * Colours only on a terminal: `out.isTTY` decides, not `CI` (picocolors
 * alone would colour piped output when `CI=true`). `NO_COLOR` turns colour
 * off; `FORCE_COLOR` (not `0`) turns it on.
 */
export function shouldUseColor(out: ProgressOutput, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return out.isTTY === true && env.TERM !== "dumb";
}

type Colors = ReturnType<typeof pc.createColors>;

/** One line of an error cause: the Lambda `errorMessage` when the cause is Lambda's JSON, shortened. */
export function shortCause(cause: string | undefined, max: number): string {
  if (cause === undefined || cause === "") return "";
  let text = cause;
  try {
    const parsed = JSON.parse(cause) as unknown;
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as Record<string, unknown>).errorMessage === "string") {
      text = (parsed as Record<string, string>).errorMessage ?? cause;
    }
  } catch {
    // not JSON: print as is
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** JSON text on one line (history events may carry pretty-printed JSON). */
function compactJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return json.replace(/\s+/g, " ");
  }
}

/** The printer; see {@link createProgressPrinter}. */
class ProgressPrinter {
  private reader: HistoryReader | undefined;
  private readonly c: Colors;
  private readonly maxCause: number;
  private width = 18;

  constructor(
    private readonly out: ProgressOutput,
    private readonly options: ProgressOptions,
  ) {
    this.c = pc.createColors(options.color ?? shouldUseColor(out, options.env ?? process.env));
    this.maxCause = options.maxCauseLength ?? 160;
  }

  onEvent(event: HistoryEventLike): void {
    this.reader ??= new HistoryReader(eventTime(event));
    const reader = this.reader;
    reader.read(event);
    const visit = this.visitOf(reader);
    if (visit !== undefined) {
      if (enteredStateType(event.type) !== undefined) this.entered(visit);
      else if (exitedStateType(event.type) !== undefined) this.exited(visit);
      else if (this.startsAttempt(event.type) && visit.attempts.length > 1) this.retried(visit);
    }
    if (executionEndStatus(event.type) !== undefined) this.finished(reader);
  }

  /** A new Task attempt or a new run of a Parallel/Map: after the first, a retry. */
  private startsAttempt(type: string): boolean {
    return attemptPhase(type) === "scheduled" || compoundPhase(type)?.phase === "started";
  }

  private visitOf(reader: HistoryReader): Visit | undefined {
    const index = reader.eventViews.at(-1)?.visit;
    return index === undefined ? undefined : reader.visits[index];
  }

  private depth(visit: Visit): number {
    let depth = 0;
    for (let parent = visit.parent; parent !== undefined; parent = this.reader?.visits[parent]?.parent) depth++;
    return depth;
  }

  private label(visit: Visit): string {
    const name = `${visit.name}${visit.mapItem === undefined ? "" : ` [${visit.mapItem}]`}`;
    this.width = Math.max(this.width, name.length + 2 * this.depth(visit));
    return name;
  }

  private line(visit: Visit, symbol: string, rest: string): void {
    const indent = "  ".repeat(this.depth(visit));
    const name = this.label(visit);
    this.out.write(`${indent}${symbol} ${name.padEnd(this.width - indent.length)} ${rest}\n`);
  }

  private entered(visit: Visit): void {
    this.line(visit, this.c.cyan("▶"), this.c.dim(visit.type ?? "") + this.data("input", visit.input));
  }

  /** `  input {…}` after a line, when asked for and known; compacted and shortened. */
  private data(label: string, json: string | undefined): string {
    if (this.options.showData !== true || json === undefined) return "";
    const max = this.options.maxDataLength ?? 200;
    const text = compactJson(json);
    return `  ${this.c.dim(label)} ${text.length > max ? `${text.slice(0, max - 1)}…` : text}`;
  }

  private exited(visit: Visit): void {
    const took = formatDuration(visit.durationMs ?? 0);
    const last = visit.attempts.at(-1);
    const caught = (last?.outcome === "failed" || last?.outcome === "timedOut") || visit.compoundFailed;
    if (caught) {
      const error = visit.error ?? last?.error ?? "error";
      const cause = shortCause(visit.cause ?? last?.cause, this.maxCause);
      this.line(visit, this.c.yellow("⚠"), `${this.c.dim(took)}  ${this.c.yellow(`caught ${error}`)}${cause === "" ? "" : this.c.dim(`: ${cause}`)}`);
      return;
    }
    const retries = visit.attempts.length > 1 ? this.c.blue(`  after ${visit.attempts.length - 1} ${visit.attempts.length === 2 ? "retry" : "retries"}`) : "";
    this.line(visit, this.c.green("✓"), `${this.c.dim(took)}${retries}${this.data("output", visit.output)}`);
  }

  private retried(visit: Visit): void {
    const failed = visit.attempts.at(-2);
    const cause = shortCause(failed?.cause, this.maxCause);
    const n = visit.attempts.length - 1;
    this.line(visit, this.c.blue("↻"), this.c.blue(`retry ${n} after ${failed?.error ?? "error"}`) + (cause === "" ? "" : this.c.dim(`: ${cause}`)));
  }

  private finished(reader: HistoryReader): void {
    const visits = finishVisits(reader);
    // Innermost first: the state that failed, then the Parallel/Map states the error went up through.
    for (const visit of [...visits].reverse()) {
      if (visit.outcome !== "failed") continue;
      const open = reader.visits[visit.index];
      if (open === undefined) continue;
      const cause = shortCause(visit.cause, this.maxCause);
      this.line(open, this.c.red("✗"), `${this.c.red(visit.error ?? "failed")}${cause === "" ? "" : this.c.dim(`: ${cause}`)}`);
    }
    const end = reader.endTime ?? reader.startTime;
    const states = new Set(visits.map((v) => v.name)).size;
    const retries = visits.reduce((sum, v) => sum + v.retries, 0);
    const caught = visits.filter((v) => v.outcome === "caught").length;
    const status = reader.status;
    const colour = status === "SUCCEEDED" ? this.c.green : status === "ABORTED" ? this.c.yellow : this.c.red;
    const facts = [
      `${states} ${states === 1 ? "state" : "states"}`,
      ...(visits.length !== states ? [`${visits.length} visits`] : []),
      `${retries} ${retries === 1 ? "retry" : "retries"}`,
      `${caught} caught`,
    ];
    this.out.write(`${colour(this.c.bold(status))} in ${formatDuration(end - reader.startTime)} ${this.c.dim(`· ${facts.join(" · ")}`)}\n`);
    if (this.options.showOutput === false) return;
    if (status === "SUCCEEDED") this.out.write(`${this.c.dim("output")} ${reader.output ?? "null"}\n`);
    else if (reader.error !== undefined || reader.cause !== undefined) {
      this.out.write(`${this.c.dim("error")}  ${this.c.red(reader.error ?? "")}${reader.cause === undefined ? "" : ` ${this.c.dim(shortCause(reader.cause, this.maxCause))}`}\n`);
    }
  }
}

/**
 * Returns an `onEvent` callback for the engine (`runExecution(…, { onEvent })`)
 * that prints the execution live to `out`:
 *
 * ```
 * ▶ song                Task
 * ✓ song                12 ms
 * ▶ lyrics              Task
 * ↻ lyrics              retry 1 after Lambda.ServiceException: Rate exceeded
 * ✓ lyrics              1.04 s  after 1 retry
 * SUCCEEDED in 1.06 s · 2 states · 1 retry · 0 caught
 * output {"lyrics":"oh oh oh oh oh pan gangnam style"}
 * ```
 *
 * States inside Parallel and Map are indented (Map items as `name [i]`);
 * caught errors are `⚠` lines, the errors that ended the execution `✗` lines.
 */
export function createProgressPrinter(out: ProgressOutput, options: ProgressOptions = {}): (event: HistoryEventLike) => void {
  const printer = new ProgressPrinter(out, options);
  return (event) => printer.onEvent(event);
}
