/**
 * Fixed-window counters, the shape every platform limit in the emulator shares. The state is a
 * plain JSON object (window start and use per key) so it can be persisted with the rest of the
 * emulator, and windows are aligned to multiples of their length on the emulator clock, which keeps
 * tests deterministic: the same calls at the same emulated time give the same answers.
 */

export interface WindowUse { start: number; used: number }
/** Keyed by a limiter-specific string; built with a null prototype so any key is safe. */
export type Windows = Record<string, WindowUse>;

export interface Take { ok: boolean; used: number; remaining: number; resetAt: number }

export function emptyWindows(): Windows {
  return Object.create(null) as Windows;
}

function current(w: Windows, key: string, now: number, windowMs: number): WindowUse {
  const start = Math.floor(now / windowMs) * windowMs;
  const use = Object.prototype.hasOwnProperty.call(w, key) ? w[key] : undefined;
  if (use && use.start === start) return use;
  const fresh = { start, used: 0 };
  w[key] = fresh;
  return fresh;
}

/** Consumes `cost` from the window when it fits; a refusal consumes nothing. */
export function take(w: Windows, key: string, now: number, windowMs: number, limit: number, cost = 1): Take {
  const use = current(w, key, now, windowMs);
  const resetAt = use.start + windowMs;
  if (use.used + cost > limit) return { ok: false, used: use.used, remaining: Math.max(0, limit - use.used), resetAt };
  use.used += cost;
  return { ok: true, used: use.used, remaining: limit - use.used, resetAt };
}

/** Adds use without a check (costs known only after the call, such as points per returned object). */
export function add(w: Windows, key: string, now: number, windowMs: number, cost: number): WindowUse {
  const use = current(w, key, now, windowMs);
  use.used += cost;
  return use;
}

/** Reads a window's use without changing it. */
export function peek(w: Windows, key: string, now: number, windowMs: number): WindowUse {
  const start = Math.floor(now / windowMs) * windowMs;
  const use = Object.prototype.hasOwnProperty.call(w, key) ? w[key] : undefined;
  return use && use.start === start ? { ...use } : { start, used: 0 };
}

/** Whole seconds until `resetAt`, at least 1 (a Retry-After of 0 invites a busy loop). */
export function secondsUntil(resetAt: number, now: number): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}
