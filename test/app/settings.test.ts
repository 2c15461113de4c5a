import '../fakes/forgeKvs';
/** Settings use-case: what a save leaves behind when its recompute chain cannot be queued. */

import { invoke } from '../fakes/resolverCalls';
import { testPolicy } from '../fakes/world';
import { world } from '../fakes/backend';

describe('failures around a save', () => {
  it('does not leave progress "running" forever when the recompute chain cannot be queued', async () => {
    const w = await world();
    w.deps.queue.push = async () => {
      throw new Error('queue refused');
    };
    const saved = await invoke(w, 'settings.save', { policy: testPolicy(), expectedVersion: 1 });
    expect(saved).toMatchObject({ ok: true, data: { config: { version: 2 }, recompute: { state: 'failed' } } });
    expect(await invoke(w, 'settings.recomputeProgress', {})).toMatchObject({ ok: true, data: { state: 'failed' } });
  });
});
