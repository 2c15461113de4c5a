/** The projects that have a stored configuration, read from the `sla-config` entity's projectId index. */
import { kvs } from '@forge/kvs';
import { CONFIG_ENTITY, type ConfigRecord } from './config';

const PAGE = 100;
/** Far more projects than a site configures; bounds one listing. */
const MAX_PAGES = 50;

export async function listConfiguredProjects(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let q = kvs.entity<ConfigRecord>(CONFIG_ENTITY).query().index('projectId').limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const res = await q.getMany();
    ids.push(...res.results.map((r) => r.value.projectId));
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  return [...new Set(ids)].sort();
}
