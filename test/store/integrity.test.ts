
import { integrityKey } from '../../src/store/integrity';
import { store } from '../fakes/forgeKvs';

describe('the integrity key', () => {
  beforeEach(() => store.reset());

  it('is generated on first use, kept as a secret, and the same on every later use', async () => {
    const first = await integrityKey();
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(first.epoch).toBe(1);
    expect(await integrityKey()).toEqual(first);
    expect(store.plainKeys()).toEqual([]);
  });

  it('agrees on one secret when two first uses race', async () => {
    const [a, b] = await Promise.all([integrityKey(), integrityKey()]);
    expect(a).toEqual(b);
    expect(await integrityKey()).toEqual(a);
  });
});
