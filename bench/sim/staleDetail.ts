/**
 * Why an issue is stale: the stored `sla` property against a fresh build, per metric and top-level
 * field, with the issue's last changes in Jira, its mirror record's view of the fields the policy
 * reads, and its due entry. Printed by the simulation (`staleSample`) so a stale count can be
 * explained without re-running at the size where it appeared.
 */
import type { SlaProperty } from '@contract';
import type { Issue } from '../../emulator/jira/model';
import type { IssueBundle } from '../../src/jira/issueReads';
import { fromBundle } from '../../src/app/mirrorData';
import { getDue } from '../../src/store/dueIndex';
import { getMirror } from '../../src/store/historyMirror';

export interface StaleDetail {
  issueId: string;
  key: string;
  reason: 'unsigned' | 'differs';
  /** Top-level and per-metric values that differ: [stored, fresh]. */
  diff: Record<string, [unknown, unknown]>;
  /** The issue's last five changes in Jira (ISO instant, author, fields) and last three comments. */
  lastChanges: string[];
  lastComments: string[];
  /** Fields where the mirror record disagrees with a fresh read, and history/comment counts: [mirror, fresh]. */
  mirror: Record<string, [unknown, unknown]> | 'absent';
  dueAt: string | null;
  now: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function propertyDiff(stored: Record<string, unknown>, fresh: SlaProperty): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of ['policyVersion', 'nextDue', 'breached', 'breachedMetrics', 'checkAt', 'gen'] as const) {
    if (!same(stored[k], fresh[k])) out[k] = [stored[k], fresh[k]];
  }
  const metrics = (stored.metrics ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, m] of Object.entries(fresh.metrics)) {
    for (const [field, v] of Object.entries(m)) if (!same(metrics[key]?.[field], v)) out[`${key}.${field}`] = [metrics[key]?.[field], v];
  }
  return out;
}

async function mirrorDiff(issueId: string, bundle: IssueBundle, covers: string[]): Promise<StaleDetail['mirror']> {
  const rec = await getMirror(issueId);
  if (!rec) return 'absent';
  const fresh = fromBundle(bundle, covers);
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of new Set([...Object.keys(fresh.fields), ...Object.keys(rec.data.fields)])) {
    if (f !== 'updated' && !same(rec.data.fields[f], fresh.fields[f])) out[f] = [rec.data.fields[f], fresh.fields[f]];
  }
  if (rec.data.histories.length !== fresh.histories.length) out.histories = [rec.data.histories.length, fresh.histories.length];
  if (rec.data.comments.length !== fresh.comments.length) out.comments = [rec.data.comments.length, fresh.comments.length];
  return out;
}

export async function staleDetail(issue: Issue, bundle: IssueBundle, covers: string[], fresh: SlaProperty, now: number): Promise<StaleDetail> {
  const raw = issue.properties.sla;
  const signed = typeof raw === 'object' && raw !== null && 'sig' in raw;
  const due = await getDue(issue.id);
  return {
    issueId: issue.id,
    key: issue.key,
    reason: signed ? 'differs' : 'unsigned',
    diff: signed ? propertyDiff(raw as Record<string, unknown>, fresh) : {},
    lastChanges: issue.changelog.slice(-5).map((h) => `${new Date(h.created).toISOString()} ${h.authorId} ${h.items.map((i) => `${i.field}:${i.from ?? ''}>${i.to ?? ''}`).join(',')}`),
    lastComments: issue.comments.slice(-3).map((c) => `${new Date(c.created).toISOString()} ${c.authorId}${c.public ? '' : ' internal'}`),
    mirror: await mirrorDiff(issue.id, bundle, covers),
    dueAt: due ? new Date(due.nextCheckAt * 1000).toISOString() : null,
    now: new Date(now).toISOString(),
  };
}
