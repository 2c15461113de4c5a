/**
 * Recorded outages and credit rules of a project, one entity per project. Admin edits are rare but
 * two admins may save at once, so every write is conditional on the `rev` the edit started from.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { DEFAULT_CREDIT_RULES, type CreditRules, type OutageRecord } from '../core';

export const OUTAGES_ENTITY = 'sla-outages';
/** About 300 bytes an outage with a long description: 500 stay far below the 240 KiB value limit. */
export const MAX_OUTAGES = 500;

export interface OutageBook {
  projectId: string;
  rev: number;
  outages: OutageRecord[];
  rules: CreditRules;
}

const keyOf = (projectId: string) => `outages:${projectId}`;

export async function loadOutageBook(projectId: string): Promise<OutageBook> {
  const stored = await kvs.entity<OutageBook>(OUTAGES_ENTITY).get(keyOf(projectId));
  return stored ?? { projectId, rev: 0, outages: [], rules: structuredClone(DEFAULT_CREDIT_RULES) };
}

/** Writes `next` if the stored book is still at `expectedRev`; false when another save came first. */
export async function saveOutageBook(next: Omit<OutageBook, 'rev'>, expectedRev: number): Promise<boolean> {
  const key = keyOf(next.projectId);
  const record: OutageBook = { ...next, rev: expectedRev + 1 };
  try {
    if (expectedRev === 0) await kvs.entity<OutageBook>(OUTAGES_ENTITY).set(key, record, { keyPolicy: 'FAIL_IF_EXISTS' });
    else {
      const sameRev = new Filter<OutageBook>().and('rev', FilterConditions.equalTo(expectedRev));
      await kvs.transact().set(key, record, { entityName: OUTAGES_ENTITY, conditions: sameRev }).execute();
    }
    return true;
  } catch (e) {
    if ((await loadOutageBook(next.projectId)).rev !== expectedRev) return false;
    throw e;
  }
}
