/**
 * What happened to a state in an execution, and how each outcome is drawn.
 * Shared by the SVG, the execution viewer and the terminal printer.
 */

/**
 * A state's outcome over one execution: `succeeded` (left normally),
 * `failed` (the error ended the execution or its branch), `caught` (a
 * `Catch` rule took the error), `retried` (succeeded after at least one
 * `Retry`), `running` (entered, not yet left), `aborted` (the execution was
 * stopped while it ran) or `notRun`.
 */
export type StateStatus = "succeeded" | "failed" | "caught" | "retried" | "running" | "aborted" | "notRun";

/** Every status, in legend order. */
export const stateStatuses: readonly StateStatus[] = ["succeeded", "retried", "caught", "failed", "running", "aborted", "notRun"];

/** Colours, a human label and an icon path (drawn in a 20×20 box centred on 0,0) per status. */
export interface StatusStyle {
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  /** Badge colour; the icon is drawn white on it. */
  readonly badge: string;
  /** SVG path data of the icon; empty for `notRun`. */
  readonly icon: string;
  /** One character for places without SVG (terminal, timeline). */
  readonly symbol: string;
}

export const statusStyles: Readonly<Record<StateStatus, StatusStyle>> = {
  succeeded: { label: "succeeded", fill: "#e7f6ec", stroke: "#2f9e55", badge: "#2f9e55", icon: "M-4 0.5L-1.2 3.3L4.2 -2.9", symbol: "✓" },
  retried: {
    label: "succeeded after retry",
    fill: "#e3f0fb",
    stroke: "#2f76c0",
    badge: "#2f76c0",
    icon: "M3.9 -0.2A4 4 0 1 1 2.6 -3.1M3.6 -5.6L3.4 -2.7L0.6 -3",
    symbol: "↻",
  },
  caught: { label: "error caught", fill: "#fff1dc", stroke: "#d9801a", badge: "#d9801a", icon: "M0 -4.6L0 1.1M0 4L0 4.2", symbol: "!" },
  failed: { label: "failed", fill: "#fde2e2", stroke: "#d23f3f", badge: "#d23f3f", icon: "M-3.4 -3.4L3.4 3.4M3.4 -3.4L-3.4 3.4", symbol: "✗" },
  running: { label: "running", fill: "#efe9fd", stroke: "#7c4ddb", badge: "#7c4ddb", icon: "M-3.8 0L-3.7 0M0 0L0.1 0M3.7 0L3.8 0", symbol: "…" },
  aborted: { label: "aborted", fill: "#eceff2", stroke: "#6b7480", badge: "#6b7480", icon: "M-2.8 -2.8L2.8 -2.8L2.8 2.8L-2.8 2.8Z", symbol: "■" },
  notRun: { label: "not run", fill: "#f6f7f8", stroke: "#c3c9d0", badge: "#c3c9d0", icon: "", symbol: "·" },
};
