import '../fakes/forgeKvs';

import { handlePreUninstall } from '../../src/handlers/preUninstall';
import { addIssue, makeWorld } from '../fakes/world';

describe('the preUninstall handler', () => {
  it('removes the sla properties through the app\'s Jira and logs nothing when Jira reports no failure', async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', properties: { sla: { breached: 'yes' } } });
    await handlePreUninstall(() => w.deps);
    expect(w.jira.issues.get('1')!.properties.sla).toBeUndefined();
    expect(w.logs).toEqual([]);
  });

  it('logs a Jira failure as an error and returns instead of throwing', async () => {
    const w = makeWorld();
    addIssue(w.jira, { id: '1', properties: { sla: { breached: 'yes' } } });
    w.jira.failNext((c) => c.method === 'DELETE', 403);
    await expect(handlePreUninstall(() => w.deps)).resolves.toBeUndefined();
    expect(w.logs).toEqual([expect.stringMatching(/^error: Uninstall: the sla issue properties may not all be removed .*"state":"refused"/)]);
  });

  it('logs an unexpected exception and returns instead of throwing', async () => {
    const w = makeWorld();
    const deps = { ...w.deps, appJira: () => { throw new Error('boom'); } };
    await expect(handlePreUninstall(() => deps)).resolves.toBeUndefined();
    expect(w.logs).toEqual([expect.stringMatching(/^error: Uninstall: removing the sla issue properties failed .*boom/)]);
  });
});
