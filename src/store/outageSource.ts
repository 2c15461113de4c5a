/** Where a project's outages recorded as issues come from (OutageSourceDto), one plain key per project. */
import { kvs } from '@forge/kvs';
import type { OutageSourceDto } from '../contract';
import { isRecord } from '../core';

const keyOf = (projectId: string) => `outage-source:${projectId}`;

const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
const textOrNull = (v: unknown): v is string | null => v === null || text(v);

/** A stored value of another shape reads as no source: the admin sets it again. */
function parse(raw: unknown): OutageSourceDto | null {
  if (!isRecord(raw)) return null;
  const { issueTypeId, startFieldId, endFieldId, service, serviceFieldId, customerFieldId } = raw;
  if (!text(issueTypeId) || !text(startFieldId) || !text(endFieldId) || !text(service) || !textOrNull(serviceFieldId) || !textOrNull(customerFieldId)) return null;
  return { issueTypeId, startFieldId, endFieldId, service, serviceFieldId, customerFieldId };
}

export async function loadOutageSource(projectId: string): Promise<OutageSourceDto | null> {
  return parse(await kvs.get(keyOf(projectId)));
}

export async function saveOutageSource(projectId: string, source: OutageSourceDto | null): Promise<void> {
  if (source === null) await kvs.delete(keyOf(projectId));
  else await kvs.set(keyOf(projectId), source);
}
