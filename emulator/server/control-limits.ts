/**
 * Control API for the platform limits and counters:
 *   GET  /control/limits            the limiter configuration (Jira, storage, queue)
 *   POST /control/limits            merge a partial configuration; {preset: "documented" | "off"} switches every limiter
 *   GET  /control/counters          requests and points per Jira endpoint, storage requests and units, queue pushes
 *   POST /control/counters/reset    zero every counter and window (DELETE /control/counters does the same)
 */
import type { Emulator } from '../app';
import type { LimitsConfig } from '../limits';
import type { ActionResult } from './actions';

type Json = Record<string, unknown>;

/** Copies numbers and booleans of a patch onto keys the target already has, with the same type. */
export function mergeConfig(target: Json, patch: unknown): void {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return;
  const p = patch as Json;
  for (const key of Object.keys(target)) {
    if (!Object.prototype.hasOwnProperty.call(p, key)) continue;
    const current = target[key];
    const next = p[key];
    if (current && typeof current === 'object') mergeConfig(current as Json, next);
    else if (typeof current === 'boolean' && typeof next === 'boolean') target[key] = next;
    else if (typeof current === 'number' && typeof next === 'number' && Number.isFinite(next) && next >= 0) target[key] = next;
  }
}

/** Switches every limiter on (at the configured, by default documented, values) or off. */
export function setAll(config: LimitsConfig, on: boolean): void {
  config.jira.quota.enabled = on;
  config.jira.burst.enabled = on;
  config.jira.perIssueWrite.enabled = on;
  config.storage.enabled = on;
  if (config.queue) config.queue.rateEnabled = on;
}

function counters(emu: Emulator): Json {
  const jira = emu.limits.jira.state;
  return {
    jira: { endpoints: jira.endpoints, refusals: jira.refusals },
    storage: { totals: emu.limits.storage.totals(), operations: emu.limits.storage.state.ops },
    queue: emu.runtime ? { pushes: emu.runtime.queue.state.pushes, events: emu.runtime.queue.state.events, refused: emu.runtime.queue.state.refused } : null,
    invocations: emu.runtime?.counters ?? null,
  };
}

/** Answers a /control/limits or /control/counters request, or null when the path is not one of them. */
export function handleLimitsControl(emu: Emulator, method: string, path: string, b: Json): ActionResult | null {
  if (path === '/control/limits') {
    if (method === 'GET') return { status: 200, body: emu.limits.config() };
    if (method !== 'POST') return null;
    const config = emu.limits.config();
    if (b.preset === 'documented' || b.preset === 'off') setAll(config, b.preset === 'documented');
    mergeConfig(config as unknown as Json, b);
    emu.markDirty();
    return { status: 200, body: config };
  }
  if (path === '/control/counters' && method === 'GET') return { status: 200, body: counters(emu) };
  if ((path === '/control/counters/reset' && method === 'POST') || (path === '/control/counters' && method === 'DELETE')) {
    emu.limits.resetCounters();
    emu.markDirty();
    return { status: 200, body: counters(emu) };
  }
  return null;
}
