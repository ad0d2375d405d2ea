import type { StateStatus } from "../status.js";
import type { StateSummary, VisitView } from "./view.js";

/**
 * One status per state from all its visits (a state in a Map runs once per
 * item): any failure wins, then running, then a caught error, then a retry;
 * a state whose every visit was aborted is aborted.
 */
export function stateStatus(visits: readonly VisitView[]): StateStatus {
  if (visits.length === 0) return "notRun";
  const has = (outcome: VisitView["outcome"]): boolean => visits.some((v) => v.outcome === outcome);
  if (has("failed")) return "failed";
  if (has("running")) return "running";
  if (has("caught")) return "caught";
  if (visits.every((v) => v.outcome === "aborted")) return "aborted";
  if (visits.some((v) => v.retries > 0)) return "retried";
  return "succeeded";
}

/** State name → summary, for every state that was entered at least once. */
export function summarizeStates(visits: readonly VisitView[]): Record<string, StateSummary> {
  const byName = new Map<string, VisitView[]>();
  for (const visit of visits) {
    const list = byName.get(visit.name);
    if (list === undefined) byName.set(visit.name, [visit]);
    else list.push(visit);
  }
  const states: Record<string, StateSummary> = {};
  for (const [name, list] of byName) {
    states[name] = {
      name,
      status: stateStatus(list),
      visits: list.map((v) => v.index),
      retries: list.reduce((sum, v) => sum + v.retries, 0),
    };
  }
  return states;
}

/** State name → status, as {@link renderSvg} takes it. */
export function statusesOf(states: Readonly<Record<string, StateSummary>>): Record<string, StateStatus> {
  return Object.fromEntries(Object.values(states).map((s) => [s.name, s.status]));
}
