/**
 * Scheduled sweep (every five minutes): issues whose next check instant has passed are pushed to the
 * recompute queue, which serialises work per issue. The sweep itself never calls Jira and never
 * scans issues that are not due. A duplicate run pushes the same issues again, which is harmless:
 * recompute is idempotent and actions are claimed once.
 */
import { listDue } from '../store/dueIndex';
import { issueJob, pushAll, type Deps } from './deps';

const PAGE = 50;
/** Bounded so one run stays well inside its timeout; the rest waits for the next run. */
const MAX_PAGES = 40;

export interface SweepResult {
  pushed: number;
}

export async function runSweep(deps: Deps): Promise<SweepResult> {
  const now = deps.now();
  let cursor: string | undefined;
  let pushed = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { entries, cursor: next } = await listDue(now, PAGE, cursor);
    await pushAll(deps.queue, entries.map((e) => issueJob(e.issueId, e.projectId)));
    pushed += entries.length;
    if (!next || entries.length === 0) break;
    cursor = next;
  }
  return { pushed };
}
