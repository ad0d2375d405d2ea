/**
 * Conversions between the engine's history events, stored rows and the wire
 * (timestamps as epoch seconds, aws-integration.md §0.6).
 */
import type { HistoryEvent } from "@statecraft/engine";
import type { StoredEvent } from "./store.js";

/** Epoch milliseconds → the wire's epoch seconds (fractions kept). */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}

/** An engine history event as a store row. */
export function toStoredEvent(event: HistoryEvent): StoredEvent {
  const { id, previousEventId, timestamp, type, ...details } = event;
  return { id, previousEventId, timestamp: timestamp.getTime(), type, details: JSON.stringify(details) };
}

/** A history event as GetExecutionHistory returns it. */
export interface WireEvent {
  readonly timestamp: number;
  readonly type: string;
  readonly id: number;
  readonly previousEventId: number;
  readonly [details: string]: unknown;
}

/** Members that carry execution data, dropped when `includeExecutionData` is false. */
const dataMembers = new Set(["input", "output", "inputDetails", "outputDetails", "parameters"]);

function withoutData(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      out[key] = value;
      continue;
    }
    out[key] = Object.fromEntries(Object.entries(value).filter(([member]) => !dataMembers.has(member)));
  }
  return out;
}

/** A stored event in wire form. */
export function toWireEvent(event: StoredEvent, includeExecutionData = true): WireEvent {
  const details = JSON.parse(event.details) as Record<string, unknown>;
  return {
    timestamp: epochSeconds(event.timestamp),
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
    ...(includeExecutionData ? details : withoutData(details)),
  };
}
