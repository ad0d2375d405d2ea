/**
 * Durable storage of the local API in SQLite (better-sqlite3, WAL): state
 * machines, executions and one row per history event, written as it happens.
 * Every write is its own transaction, so a killed process loses nothing that
 * was acknowledged to a client.
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ApiError } from "./errors.js";

export type StateMachineType = "STANDARD" | "EXPRESS";
export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

/** A stored state machine. Dates are epoch milliseconds. */
export interface StateMachineRecord {
  readonly arn: string;
  readonly name: string;
  readonly definition: string;
  readonly roleArn: string;
  readonly type: StateMachineType;
  readonly creationDate: number;
  readonly updateDate?: number;
  readonly revisionId?: string;
  readonly status: "ACTIVE" | "DELETING";
  /** JSON texts of the optional configurations, echoed back by DescribeStateMachine. */
  readonly loggingConfiguration?: string;
  readonly tracingConfiguration?: string;
  readonly encryptionConfiguration?: string;
  readonly tags?: string;
}

/** A stored execution; `definition` is the snapshot it runs (updates do not affect it). */
export interface ExecutionRecord {
  readonly seq: number;
  readonly arn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: number;
  readonly stopDate?: number;
  readonly definition: string;
  readonly roleArn: string;
  readonly testCase?: string;
  readonly traceHeader?: string;
}

/** A stored history event: `details` is the JSON of every member besides the four common ones. */
export interface StoredEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: number;
  readonly type: string;
  readonly details: string;
}

/** How an execution ended. */
export interface ExecutionOutcome {
  readonly status: Exclude<ExecutionStatus, "RUNNING">;
  readonly stopDate: number;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

const schema = `
CREATE TABLE IF NOT EXISTS definitions (hash TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state_machines (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE, name TEXT NOT NULL, definition_hash TEXT NOT NULL,
  role_arn TEXT NOT NULL, type TEXT NOT NULL, creation_date INTEGER NOT NULL, update_date INTEGER, revision_id TEXT,
  status TEXT NOT NULL, logging_configuration TEXT, tracing_configuration TEXT, encryption_configuration TEXT, tags TEXT);
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL,
  status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_date INTEGER NOT NULL,
  stop_date INTEGER, definition_hash TEXT NOT NULL, role_arn TEXT NOT NULL, test_case TEXT, trace_header TEXT);
CREATE INDEX IF NOT EXISTS state_machines_by_name ON state_machines (name);
CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, seq);
CREATE INDEX IF NOT EXISTS executions_running ON executions (status) WHERE status = 'RUNNING';
CREATE TABLE IF NOT EXISTS history_events (
  execution_seq INTEGER NOT NULL, id INTEGER NOT NULL, previous_event_id INTEGER NOT NULL, timestamp INTEGER NOT NULL,
  type TEXT NOT NULL, details TEXT NOT NULL, PRIMARY KEY (execution_seq, id)) WITHOUT ROWID;
`;

interface MachineRow {
  arn: string; name: string; definition: string; role_arn: string; type: StateMachineType; creation_date: number;
  update_date: number | null; revision_id: string | null; status: "ACTIVE" | "DELETING";
  logging_configuration: string | null; tracing_configuration: string | null;
  encryption_configuration: string | null; tags: string | null;
}
interface ExecutionRow {
  seq: number; arn: string; state_machine_arn: string; name: string; status: ExecutionStatus; input: string;
  output: string | null; error: string | null; cause: string | null; start_date: number; stop_date: number | null;
  definition: string; role_arn: string; test_case: string | null; trace_header: string | null;
}

/** Copies the non-null optional members of a row into a record. */
function present<T extends object>(base: T, optional: Record<string, string | number | null>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(optional)) if (value !== null) out[key] = value;
  return out as T;
}

function toMachine(row: MachineRow): StateMachineRecord {
  const { arn, name, definition, type, status } = row;
  return present({ arn, name, definition, roleArn: row.role_arn, type, creationDate: row.creation_date, status }, {
    updateDate: row.update_date, revisionId: row.revision_id, loggingConfiguration: row.logging_configuration,
    tracingConfiguration: row.tracing_configuration, encryptionConfiguration: row.encryption_configuration,
    tags: row.tags,
  });
}

function toExecution(row: ExecutionRow): ExecutionRecord {
  const { seq, arn, name, status, input, definition } = row;
  const base = { seq, arn, stateMachineArn: row.state_machine_arn, name, status, input, startDate: row.start_date,
    definition, roleArn: row.role_arn };
  return present(base, { output: row.output, error: row.error, cause: row.cause, stopDate: row.stop_date,
    testCase: row.test_case, traceHeader: row.trace_header });
}

const machineColumns = `m.arn, m.name, d.text AS definition, m.role_arn, m.type, m.creation_date, m.update_date,
  m.revision_id, m.status, m.logging_configuration, m.tracing_configuration, m.encryption_configuration, m.tags`;
const executionColumns = `e.seq, e.arn, e.state_machine_arn, e.name, e.status, e.input, e.output, e.error, e.cause,
  e.start_date, e.stop_date, d.text AS definition, e.role_arn, e.test_case, e.trace_header`;

/** The data directory is held by another running server. */
export class DataDirectoryInUse extends ApiError {
  constructor(path: string) {
    super("DataDirectoryInUse", `${path} is in use by another sfn serve process`, 500);
  }
}

/**
 * The SQLite store. Open one per data directory (`:memory:` for tests without
 * durability); the file is locked exclusively, so a second server on the same
 * directory fails fast with {@link DataDirectoryInUse}.
 */
export class Store {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  /** Read-through cache of state machines: this process is the only writer (the file is locked). */
  readonly #machines = new Map<string, StateMachineRecord>();

  constructor(dataDir: string | ":memory:") {
    const file = dataDir === ":memory:" ? ":memory:" : join(dataDir, "statecraft.sqlite");
    if (dataDir !== ":memory:") mkdirSync(dataDir, { recursive: true });
    this.#db = new Database(file, { timeout: 0 });
    try {
      this.#db.pragma("locking_mode = EXCLUSIVE");
      this.#db.pragma("journal_mode = WAL");
      // NORMAL: a commit survives a killed process (the WAL is in the OS cache); only an OS crash can lose the tail.
      this.#db.pragma("synchronous = NORMAL");
      this.#db.exec(schema);
    } catch (error) {
      this.#db.close();
      if (error instanceof Error && /locked|busy/i.test(error.message)) throw new DataDirectoryInUse(file);
      throw error;
    }
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #storeDefinition(text: string): string {
    const hash = createHash("sha256").update(text).digest("hex");
    this.#prepare("INSERT OR IGNORE INTO definitions (hash, text) VALUES (?, ?)").run(hash, text);
    return hash;
  }

  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  insertStateMachine(machine: StateMachineRecord): void {
    this.#machines.delete(machine.arn);
    const hash = this.#storeDefinition(machine.definition);
    this.#prepare(`INSERT INTO state_machines (arn, name, definition_hash, role_arn, type, creation_date, status,
      logging_configuration, tracing_configuration, encryption_configuration, tags)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(machine.arn, machine.name, hash, machine.roleArn, machine.type,
      machine.creationDate, machine.status, machine.loggingConfiguration ?? null, machine.tracingConfiguration ?? null,
      machine.encryptionConfiguration ?? null, machine.tags ?? null);
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    const cached = this.#machines.get(arn);
    if (cached !== undefined) return cached;
    const row = this.#prepare(`SELECT ${machineColumns} FROM state_machines m JOIN definitions d
      ON d.hash = m.definition_hash WHERE m.arn = ?`).get(arn) as MachineRow | undefined;
    const machine = row === undefined ? undefined : toMachine(row);
    // Misses are not cached: a mistyped ARN must not grow the cache.
    if (machine !== undefined) this.#machines.set(arn, machine);
    return machine;
  }

  /** Replaces a machine's tags (a JSON array of `{key, value}`). */
  setTags(arn: string, tags: string): void {
    this.#machines.delete(arn);
    this.#prepare("UPDATE state_machines SET tags = ? WHERE arn = ?").run(tags, arn);
  }

  /** Replaces the mutable members of a state machine. */
  updateStateMachine(machine: StateMachineRecord): void {
    this.#machines.delete(machine.arn);
    const hash = this.#storeDefinition(machine.definition);
    this.#prepare(`UPDATE state_machines SET definition_hash = ?, role_arn = ?, update_date = ?, revision_id = ?,
      status = ?, logging_configuration = ?, tracing_configuration = ?, encryption_configuration = ? WHERE arn = ?`)
      .run(hash, machine.roleArn, machine.updateDate ?? null, machine.revisionId ?? null, machine.status,
        machine.loggingConfiguration ?? null, machine.tracingConfiguration ?? null,
        machine.encryptionConfiguration ?? null, machine.arn);
  }

  deleteStateMachine(arn: string): void {
    this.#machines.delete(arn);
    this.#prepare("DELETE FROM state_machines WHERE arn = ?").run(arn);
  }

  /** Up to `limit` machines in name order (byte order), those named after `after` when given. */
  listStateMachines(after: string | undefined, limit: number): StateMachineRecord[] {
    const rows = this.#prepare(`SELECT ${machineColumns} FROM state_machines m JOIN definitions d
      ON d.hash = m.definition_hash WHERE (? IS NULL OR m.name > ?) ORDER BY m.name LIMIT ?`)
      .all(after ?? null, after ?? null, limit) as MachineRow[];
    return rows.map(toMachine);
  }

  /** Inserts a RUNNING execution and returns its sequence number. */
  insertExecution(execution: Omit<ExecutionRecord, "seq" | "status">): number {
    const hash = this.#storeDefinition(execution.definition);
    const result = this.#prepare(`INSERT INTO executions (arn, state_machine_arn, name, status, input, start_date,
      definition_hash, role_arn, test_case, trace_header) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)`).run(
      execution.arn, execution.stateMachineArn, execution.name, execution.input, execution.startDate, hash,
      execution.roleArn, execution.testCase ?? null, execution.traceHeader ?? null);
    return Number(result.lastInsertRowid);
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const row = this.#prepare(`SELECT ${executionColumns} FROM executions e JOIN definitions d
      ON d.hash = e.definition_hash WHERE e.arn = ?`).get(arn) as ExecutionRow | undefined;
    return row === undefined ? undefined : toExecution(row);
  }

  /** Executions of one machine, newest first, before position `before` (0 = from the newest). */
  listExecutions(machineArn: string, status: ExecutionStatus | undefined, before: number, limit: number):
    ExecutionRecord[] {
    const rows = this.#prepare(`SELECT ${executionColumns} FROM executions e JOIN definitions d
      ON d.hash = e.definition_hash WHERE e.state_machine_arn = ? AND (? IS NULL OR e.status = ?)
      AND (? = 0 OR e.seq < ?) ORDER BY e.seq DESC LIMIT ?`).all(machineArn, status ?? null, status ?? null, before,
      before, limit) as ExecutionRow[];
    return rows.map(toExecution);
  }

  runningExecutions(): ExecutionRecord[] {
    const rows = this.#prepare(`SELECT ${executionColumns} FROM executions e JOIN definitions d
      ON d.hash = e.definition_hash WHERE e.status = 'RUNNING' ORDER BY e.seq`).all() as ExecutionRow[];
    return rows.map(toExecution);
  }

  countRunning(machineArn: string): number {
    const row = this.#prepare("SELECT count(*) AS n FROM executions WHERE state_machine_arn = ? AND status = 'RUNNING'")
      .get(machineArn) as { n: number };
    return row.n;
  }

  /** Records how an execution ended; false if it had already ended (so it ends exactly once). */
  completeExecution(seq: number, outcome: ExecutionOutcome): boolean {
    const result = this.#prepare(`UPDATE executions SET status = ?, stop_date = ?, output = ?, error = ?, cause = ?
      WHERE seq = ? AND status = 'RUNNING'`).run(outcome.status, outcome.stopDate, outcome.output ?? null,
      outcome.error ?? null, outcome.cause ?? null, seq);
    return result.changes === 1;
  }

  appendEvent(executionSeq: number, event: StoredEvent): void {
    this.#prepare(`INSERT INTO history_events (execution_seq, id, previous_event_id, timestamp, type, details)
      VALUES (?, ?, ?, ?, ?, ?)`).run(executionSeq, event.id, event.previousEventId, event.timestamp, event.type,
      event.details);
  }

  /** A page of history events: ids after `from` (or before `from`, 0 = the newest, when `reverse`). */
  events(executionSeq: number, options: { reverse: boolean; from: number; limit: number }): StoredEvent[] {
    const columns = "id, previous_event_id AS previousEventId, timestamp, type, details";
    const { from, limit } = options;
    if (options.reverse) {
      return this.#prepare(`SELECT ${columns} FROM history_events WHERE execution_seq = ? AND (? = 0 OR id < ?)
        ORDER BY id DESC LIMIT ?`).all(executionSeq, from, from, limit) as StoredEvent[];
    }
    return this.#prepare(`SELECT ${columns} FROM history_events WHERE execution_seq = ? AND id > ?
      ORDER BY id LIMIT ?`).all(executionSeq, from, limit) as StoredEvent[];
  }

  /** Every history event of an execution, in order. */
  allEvents(executionSeq: number): StoredEvent[] {
    return this.events(executionSeq, { reverse: false, from: 0, limit: -1 });
  }

  close(): void {
    this.#db.close();
  }
}
