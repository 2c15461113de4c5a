/**
 * Status and field names for what users read (panel pause reasons), cached for the whole site in
 * app storage: one Jira read per TTL, not per panel render. A failed read answers the last cached
 * names (or none): a label then says "the chosen status" rather than showing an id or failing the panel.
 */
import { kvs } from '@forge/kvs';
import { describeCondition, type PolicySpec, type SlaSnapshot } from '../core';
import { describeNamed, NO_NAMES, type SiteNames } from '../contract';
import type { JiraClient } from '../jira/client';

const KEY = 'site-names';
export const NAMES_TTL_MS = 15 * 60_000;

interface Cached { fetchedAt: number; names: SiteNames }

/** The site's status names, from app storage while fresh, else read once from Jira and stored. */
export async function siteNames(jira: Pick<JiraClient, 'getStatuses'>, now: number): Promise<SiteNames> {
  const cached = await kvs.get<Cached>(KEY);
  if (cached && now - cached.fetchedAt < NAMES_TTL_MS) return cached.names;
  const res = await jira.getStatuses();
  if (!res.ok) return cached?.names ?? NO_NAMES;
  const names: SiteNames = { statuses: Object.fromEntries(res.value.map((s) => [s.id, s.name])), fields: cached?.names.fields ?? {} };
  await kvs.set(KEY, { fetchedAt: now, names } satisfies Cached);
  return names;
}

/**
 * The snapshot with every pause label in names. The engine labels a pause with describeCondition
 * (ids); each metric's pause conditions map those labels to their named form.
 */
export function nameSnapshot(snapshot: SlaSnapshot, policy: PolicySpec, names: SiteNames): SlaSnapshot {
  const metrics = snapshot.metrics.map((m) => {
    const spec = policy.metrics.find((s) => s.key === m.key);
    if (!spec || spec.pause.length === 0) return m;
    const named = new Map(spec.pause.map((c) => [describeCondition(c), describeNamed(c, names)]));
    const rename = (label: string) => named.get(label) ?? 'a pause condition';
    const pauseReason = m.pauseReason?.kind === 'condition' ? { ...m.pauseReason, label: rename(m.pauseReason.label) } : m.pauseReason;
    const cycles = m.cycles.map((c) => ({ ...c, pauses: c.pauses.map((p) => ({ ...p, condition: rename(p.condition) })) }));
    const current = m.current ? (cycles[m.cycles.indexOf(m.current)] ?? null) : null;
    return { ...m, pauseReason, cycles, current };
  });
  return { ...snapshot, metrics };
}
