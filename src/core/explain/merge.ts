/** Joins neighbouring parts that say the same thing, and drops empty ones. */
import type { ExplainPart } from './types';

function sameReason(a: ExplainPart, b: ExplainPart): boolean {
  const { from: _af, to: _at, ...ra } = a;
  const { from: _bf, to: _bt, ...rb } = b;
  return JSON.stringify(ra) === JSON.stringify(rb);
}

export function mergeParts(parts: readonly ExplainPart[]): ExplainPart[] {
  const out: ExplainPart[] = [];
  for (const part of parts) {
    if (part.to <= part.from) continue;
    const last = out[out.length - 1];
    if (last && last.to === part.from && sameReason(last, part)) out[out.length - 1] = { ...last, to: part.to };
    else out.push({ ...part });
  }
  return out;
}
