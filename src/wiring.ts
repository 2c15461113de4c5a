/** Production dependencies: the real Forge platform behind the ports the use-cases take. */
import api from '@forge/api';
import { Queue } from '@forge/events';
import { RECOMPUTE_QUEUE, type Deps, type Logger, type RecomputeJob } from './app/deps';
import { createJiraClient } from './jira/client';
import { realSleep, retryPolicy, type JiraTransport } from './jira/http';

const appTransport: JiraTransport = (r, init) => api.asApp().requestJira(r, init);
// asUser() without an id acts as the invoking user; an explicit id would need impersonation.
const userTransport: JiraTransport = (r, init) => api.asUser().requestJira(r, init);

const consoleLog: Logger = {
  warn: (m, d) => console.warn(m, d ?? ''),
  error: (m, d) => console.error(m, d ?? ''),
};

export function productionDeps(): Deps {
  const queue = new Queue<RecomputeJob>({ key: RECOMPUTE_QUEUE });
  return {
    appJira: (budgetMs, pacer) => createJiraClient(pacer ? pacer.transport(appTransport) : appTransport, retryPolicy(budgetMs)),
    userJira: () => createJiraClient(userTransport, retryPolicy(5_000)),
    queue: { push: async (events) => void (await queue.push(events)) },
    now: () => Date.now(),
    log: consoleLog,
    sleep: realSleep,
  };
}
