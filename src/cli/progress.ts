/**
 * A progress bar with an ETA on stderr. On a terminal it redraws one line; otherwise (CI, a pipe) it
 * prints a line per update so logs stay readable.
 */
export interface Progress {
  update(done: number, total: number | null): void;
  finish(message: string): void;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** One rendered line: "[######----------]  120/450  27%  ETA 0:42". */
export function progressLine(label: string, done: number, total: number | null, elapsedMs: number, width = 24): string {
  if (total === null || total <= 0) return `${label} ${done}`;
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  const eta = done > 0 ? clock(((elapsedMs / done) * Math.max(0, total - done)) / 1000) : '?';
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(ratio * 100)}% ETA ${eta}`;
}

export function stderrProgress(label: string, quiet: boolean, now: () => number = Date.now): Progress {
  const started = now();
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      if (quiet) return;
      const line = progressLine(label, done, total, now() - started);
      process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    },
    finish(message) {
      if (!quiet) process.stderr.write(tty ? `\r${message}\u001b[K\n` : `${message}\n`);
    },
  };
}
