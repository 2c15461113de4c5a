/**
 * Saving the records a backfill page built from Jira without losing an event that landed meanwhile.
 * The page's Jira read and its storage write are seconds apart; an event job (serialised per issue,
 * but not against this page) may have updated an issue's record in between. So, per record:
 * - the stored record has seen a later update than the page's read (its `updated`, or an event it
 *   applied since, is newer): the page's copy is older, it is not saved;
 * - otherwise it is saved only if the stored record still has the `rev` just read (or still none);
 * - either way a refused issue gets its own recompute job, which reads Jira and sees both (the page
 *   may already have written a property from its older copy).
 */
import type { MirrorRecord } from '../store/historyMirror';
import { getMirrors, putMirrorsIfUnchanged } from '../store/historyMirror';
import { issueJob, pushAll, type Deps } from './deps';

/** The latest update the record has seen: its Jira read's `updated`, or an event applied since. */
const updatedMs = (rec: MirrorRecord): number => {
  const raw = rec.data.fields.updated;
  const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
  return Math.max(Number.isFinite(ms) ? ms : -Infinity, rec.data.eventAt ?? -Infinity);
};

/** Answers the issue ids not saved (and queued for their own recompute). */
export async function saveBackfilled(deps: Deps, records: MirrorRecord[]): Promise<string[]> {
  const stored = await getMirrors(records.map((r) => r.issueId));
  const newer: MirrorRecord[] = [];
  const writes = [];
  for (const record of records) {
    const current = stored.get(record.issueId);
    if (current && updatedMs(current) > updatedMs(record)) newer.push(record);
    else writes.push({ record, expectedRev: current?.rev ?? null });
  }
  const refused = new Set(await putMirrorsIfUnchanged(writes));
  const redo = [...newer, ...records.filter((r) => refused.has(r.issueId))];
  await pushAll(deps.queue, redo.map((r) => issueJob(r.issueId, r.projectId)));
  return redo.map((r) => r.issueId);
}
