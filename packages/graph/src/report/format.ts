/** Formatting shared by the viewer and the terminal printer. */

/** `850 ms`, `1.25 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (ms < 3_600_000) {
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
  }
  // Virtual time (`--no-wait`) can pass hours, days or a whole year.
  const totalMinutes = Math.round(ms / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const clock = `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return days === 0 ? clock : `${days} d ${clock}`;
}

/** An offset from the execution start: `+1.25 s`. */
export function formatOffset(ms: number): string {
  return `+${formatDuration(ms)}`;
}

/** JSON text pretty-printed with two spaces; text that is not JSON is returned unchanged. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
