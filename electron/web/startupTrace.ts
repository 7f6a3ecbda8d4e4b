/**
 * Start-up marks for the startup bench, on only when ROSTER_STARTUP_TRACE is set: one stderr line
 * per mark, `ROSTER_STARTUP {"mark":…,"at":epoch ms}`. Wall-clock time, so the bench can line the
 * host's marks up with its own clock and the page's (same machine, same clock).
 */
/** Whether start-up tracing is on: callers wrap their services for it only then. */
export const startupTraceOn = Boolean(process.env.ROSTER_STARTUP_TRACE);
const on = startupTraceOn;
const seen = new Set<string>();

export const startupMark = (mark: string, extra: Record<string, unknown> = {}): void => {
  if (!on) return;
  process.stderr.write(`ROSTER_STARTUP ${JSON.stringify({ mark, at: performance.timeOrigin + performance.now(), ...extra })}\n`);
};

/** The first occurrence of a mark only (the first call, the first asset served). */
export const startupFirst = (mark: string, extra: Record<string, unknown> = {}): void => {
  if (!on || seen.has(mark)) return;
  seen.add(mark);
  startupMark(mark, extra);
};
