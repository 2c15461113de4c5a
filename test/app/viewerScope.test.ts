import '../fakes/forgeKvs';

import { viewerScope } from '../../src/app/viewerScope';
import { addIssue, makeWorld, T0, type World } from '../fakes/world';

function world(): World {
  const w = makeWorld(T0);
  w.jira.grant('admin-1', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS');
  w.jira.grant('agent-1', 'BROWSE_PROJECTS');
  for (const id of ['1', '2', '3']) addIssue(w.jira, { id });
  return w;
}

describe("a viewer's report scope", () => {
  it('is every issue when the viewer counts as many issues as the app', async () => {
    expect(await viewerScope(world().deps, 'agent-1', '10000')).toEqual({ ok: true, value: { kind: 'all' } });
  });

  it('lists exactly the issues the viewer can open when issue-level security hides some', async () => {
    const w = world();
    w.jira.hideFrom('agent-1', '2');
    const scope = await viewerScope(w.deps, 'agent-1', '10000');
    expect(scope).toEqual({ ok: true, value: { kind: 'visible', issueIds: new Set(['1', '3']) } });
  });

  it('withholds the figures when the viewer could open more issues than can be listed', async () => {
    const w = world();
    w.jira.hideFrom('agent-1', '2');
    expect(await viewerScope(w.deps, 'agent-1', '10000', 1)).toEqual({ ok: true, value: { kind: 'withheld' } });
  });

  it('withholds the figures for a project id that is not a Jira id, without asking Jira', async () => {
    const w = world();
    expect(await viewerScope(w.deps, 'agent-1', '10000 OR project = 2')).toEqual({ ok: true, value: { kind: 'withheld' } });
    expect(w.jira.calls).toEqual([]);
  });
});
