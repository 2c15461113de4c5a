/**
 * Two measurements beside the app's own run:
 * - `staleProperties`: every in-scope issue's stored `sla` property against a fresh evaluation from a
 *   full Jira read at the current instant (must be 0). Reads go straight to the emulated site: they
 *   are the referee, not app traffic, so they are neither limited nor counted.
 * - `naivePath`: what one read plus one write per issue costs under the same limiters, on its own
 *   simulated clock (429s wait their Retry-After), writing to another property key.
 */
import { handleJira } from '../../emulator/jira/api';
import { evaluate, validatePolicy, policyFieldIds } from '@core';
import { buildProperty, verifiedSignature } from '../../src/app/property';
import type { SlaProperty } from '@contract';
import { integrityKey } from '../../src/store/integrity';
import { readFields } from '../../src/app/history';
import { createJiraClient } from '../../src/jira/client';
import { retryPolicy, type JiraTransport } from '../../src/jira/http';
import { mapHistory } from '../../src/jira/mapHistory';
import { loadConfig } from '../../src/store/config';
import { TaggedJiraMeter, type Tally } from './limits';
import { staleDetail, type StaleDetail } from './staleDetail';
import { APP, BASE, type SimWorld } from './world';

const REQUEST_MS = 60;

/** Straight to the emulated site; with a meter, under its limiters on the given clock (a 429 waits its Retry-After). */
function transportOf(world: SimWorld, meter: TaggedJiraMeter | null, clock: { now: number } | null): JiraTransport {
  return async (route, init) => {
    const url = new URL(route.value, BASE);
    const body = init.body ? (JSON.parse(init.body) as unknown) : undefined;
    for (;;) {
      if (clock) clock.now += REQUEST_MS;
      const ctx = { site: world.site, base: BASE, now: () => world.clock.now(), indexes: () => [], ...(meter ? { meter } : {}) };
      const res = handleJira({ method: init.method, path: url.pathname, query: url.searchParams, body, actor: { accountId: APP, self: true } }, ctx);
      if (res.status === 429 && clock) {
        clock.now += Number(res.headers?.['Retry-After'] ?? 1) * 1000;
        continue;
      }
      return { status: res.status, headers: { get: () => null }, text: async () => (res.body === undefined ? '' : JSON.stringify(res.body)) };
    }
  };
}

/** Issues a project-wide recompute covers: unresolved, or resolved since the date. */
export function scopeIds(world: SimWorld, projectId: string, resolvedSince: string | null): string[] {
  const since = resolvedSince ? Date.parse(resolvedSince) : Infinity;
  return world.site.data.issues.filter((i) => i.projectId === projectId && (i.fields.resolution === null || (i.fields.resolutiondate ?? 0) >= since)).map((i) => i.id);
}

/** Stale in-scope issues; `details` receives why, for the first `limit` of them. */
export async function staleProperties(world: SimWorld, projectId: string, ids: string[], details?: { limit: number; out: StaleDetail[] }): Promise<number> {
  const key = 'sla';
  const config = await loadConfig(projectId);
  const compiled = config ? validatePolicy(config.policy) : null;
  if (!config || !compiled?.ok) return ids.length;
  const client = createJiraClient(transportOf(world, null, null), retryPolicy(0));
  const categories = Object.fromEntries(world.site.data.statuses.map((s) => [s.id, s.category]));
  const now = world.clock.now();
  const ik = await integrityKey();
  let stale = 0;
  for (const id of ids) {
    const read = await client.getIssueBundle(id, readFields(config.policy));
    if (!read.ok) continue;
    const snapshot = evaluate(mapHistory(read.value, policyFieldIds(config.policy), categories), compiled.value, now);
    const issue = world.site.issue(id);
    const raw = issue?.properties[key];
    // A property the app did not sign is stale; a signed one must equal a fresh build (same `seen`).
    const signed = verifiedSignature(raw, id, ik) !== null;
    const fresh = buildProperty(snapshot, { issueId: id, policyVersion: config.version, seen: signed ? (raw as SlaProperty).seen : null, key: ik });
    if (signed && fresh.sig === (raw as SlaProperty).sig) continue;
    stale++;
    if (issue && details && details.out.length < details.limit) details.out.push(await staleDetail(issue, read.value, readFields(config.policy), fresh, now));
  }
  return stale;
}

export interface NaiveResult { tally: Tally; simulatedMinutes: number }

export async function naivePath(world: SimWorld, projectId: string, ids: string[]): Promise<NaiveResult> {
  const clock = { now: world.clock.now() };
  const meter = new TaggedJiraMeter(world.site, () => clock.now, () => 'naive');
  const client = createJiraClient(transportOf(world, meter, clock), retryPolicy(0));
  const config = await loadConfig(projectId);
  const compiled = config ? validatePolicy(config.policy) : null;
  if (!config || !compiled?.ok) throw new Error('naive path: project not configured');
  const categories = Object.fromEntries(world.site.data.statuses.map((s) => [s.id, s.category]));
  const ik = await integrityKey();
  const start = clock.now;
  for (const id of ids) {
    const read = await client.getIssueBundle(id, readFields(config.policy));
    if (!read.ok) continue;
    const snapshot = evaluate(mapHistory(read.value, policyFieldIds(config.policy), categories), compiled.value, world.clock.now());
    await client.putIssueProperty(id, 'sla-naive', buildProperty(snapshot, { issueId: id, policyVersion: config.version, seen: null, key: ik }));
  }
  return { tally: meter.tally('naive'), simulatedMinutes: Math.round((clock.now - start) / 60_000) };
}
