import { stateStatuses, statusStyles } from "../status.js";

/** The viewer's stylesheet (inline in the page; no external fonts). */
export function pageStyleSheet(): string {
  const legend = stateStatuses.map((s) => `.sfn-legend [data-status="${s}"]::before { background: ${statusStyles[s].badge}; }`).join("\n");
  return `
:root { color-scheme: light; --border: #d9dee4; --muted: #52606d; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, "DejaVu Sans", sans-serif; color: #1f2933; background: var(--bg); }
header.sfn-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; padding: 12px 20px; background: #ffffff; border-bottom: 1px solid var(--border); }
header.sfn-header h1 { font-size: 17px; margin: 0; }
header.sfn-header .sfn-back { font-size: 13px; color: #2f76c0; text-decoration: none; }
a { color: #2f76c0; }
.sfn-list { margin: 14px 20px; padding: 4px 16px 12px; }
.sfn-list h2 { font-size: 15px; margin: 10px 0 8px; }
.sfn-list table { border-collapse: collapse; width: 100%; font-size: 13px; }
.sfn-list th, .sfn-list td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
.sfn-list .sfn-mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
header.sfn-header .sfn-sub { color: var(--muted); font-size: 13px; }
.sfn-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, 34%); gap: 14px; padding: 14px 20px; align-items: start; }
.sfn-card { background: #ffffff; border: 1px solid var(--border); border-radius: 8px; }
.sfn-graph-pane { overflow: auto; padding: 10px; max-height: calc(100vh - 120px); }
.sfn-graph-pane svg { display: block; margin: 0 auto; max-width: none; }
#sfn-panel { padding: 12px 16px; max-height: calc(100vh - 120px); overflow: auto; position: sticky; top: 14px; }
#sfn-panel h2 { font-size: 16px; margin: 2px 0 6px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
#sfn-panel h3 { font-size: 13px; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
#sfn-panel h4 { font-size: 12px; margin: 10px 0 4px; color: var(--muted); }
.sfn-caption-line { margin: 0 0 10px; color: var(--muted); font-size: 12px; }
.sfn-pill { display: inline-block; font-size: 12px; font-weight: 600; color: #ffffff; background: var(--pill); border-radius: 999px; padding: 1px 9px; }
.sfn-note { color: var(--muted); font-size: 12px; margin: 4px 0 8px; }
.sfn-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; font-size: 13px; }
.sfn-facts dt { color: var(--muted); }
.sfn-facts dd { margin: 0; }
.sfn-arn { word-break: break-all; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.sfn-visit { border-top: 1px solid var(--border); padding: 10px 0 6px; }
.sfn-visit-selected { background: #fffbea; margin: 0 -16px; padding: 10px 16px 6px; }
.sfn-json, .sfn-error-cause { margin: 0; padding: 8px 10px; background: #f5f7fa; border: 1px solid var(--border); border-radius: 6px; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; word-break: break-word; max-height: 260px; overflow: auto; }
.sfn-error { border: 1px solid #f1b5b5; background: #fff5f5; border-radius: 6px; padding: 8px 10px; margin: 8px 0; }
.sfn-error-name { font-weight: 700; color: #a61b1b; margin-bottom: 4px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.sfn-error .sfn-error-cause { background: #ffffff; border-color: #f1cccc; }
.sfn-error-raw { margin-top: 6px; font-size: 12px; }
.sfn-error-raw summary { cursor: pointer; color: var(--muted); }
.sfn-attempts { border-collapse: collapse; width: 100%; font-size: 12px; }
.sfn-attempts th, .sfn-attempts td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--border); }
.sfn-attempts tr[data-outcome="failed"] td:nth-child(2), .sfn-attempts tr[data-outcome="timedOut"] td:nth-child(2) { color: #a61b1b; font-weight: 600; }
.sfn-attempt-error { max-width: 180px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sfn-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); padding: 6px 4px 0; }
.sfn-legend span { display: inline-flex; align-items: center; gap: 5px; }
.sfn-legend span::before { content: ""; width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
${legend}
.sfn-legend [data-status="notRun"]::before { background: #ffffff; border: 1.5px dashed #c3c9d0; }
.sfn-timeline { margin: 0 20px 24px; padding: 12px 16px; }
.sfn-timeline h2 { font-size: 15px; margin: 0 0 8px; }
.sfn-gantt { font-size: 12px; }
.sfn-row, .sfn-axis { display: grid; grid-template-columns: 190px minmax(0, 1fr) 80px; gap: 10px; align-items: center; min-height: 22px; }
.sfn-row { cursor: pointer; border-radius: 4px; }
.sfn-row:hover, .sfn-row.sfn-selected { background: #eef4ff; }
.sfn-row-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sfn-row-took { color: var(--muted); text-align: right; }
.sfn-row-track, .sfn-axis-track { position: relative; height: 14px; }
.sfn-row-track { background: repeating-linear-gradient(90deg, transparent 0 calc(25% - 1px), #eef0f3 calc(25% - 1px) 25%); }
.sfn-axis-track span { position: absolute; transform: translateX(-50%); color: var(--muted); font-size: 11px; white-space: nowrap; }
.sfn-axis-track span:first-child { transform: none; }
.sfn-axis-track span:last-child { transform: translateX(-100%); }
.sfn-bar { position: absolute; top: 2px; bottom: 2px; background: var(--bar); border-radius: 3px; min-width: 3px; }
.sfn-tick { position: absolute; top: -2px; bottom: -2px; width: 2px; background: #1f2933; }
.sfn-events { margin-top: 12px; }
.sfn-events summary { cursor: pointer; color: var(--muted); }
.sfn-events table { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 6px; }
.sfn-events th, .sfn-events td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--border); }
.sfn-events tr[data-state] { cursor: pointer; }
.sfn-events tr.sfn-selected { background: #eef4ff; }
.sfn-event-detail { max-width: 420px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
footer.sfn-footer { color: var(--muted); font-size: 12px; padding: 0 20px 20px; }
@media (max-width: 900px) { .sfn-layout { grid-template-columns: 1fr; } #sfn-panel { position: static; max-height: none; } }
`;
}
