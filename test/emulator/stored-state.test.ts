/**
 * The stored `sla` property on the demo site, driven through the real app: it equals a fresh
 * evaluation at every hour between checks, and it converges after lost work or a hand edit.
 */
import { seedDemo } from '../../emulator/seed';
import { demoEmulator, freshIssues, HOUR, mismatches } from './storedState';
import { teardown } from './helpers';

beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => {
  teardown();
  jest.restoreAllMocks();
});
jest.setTimeout(300_000);

describe('the stored SLA state on the demo site', () => {
  it('equals a fresh evaluation at every hour of 48 h across a weekend and a holiday (0 mismatches)', async () => {
    const emu = demoEmulator();
    expect(await seedDemo(emu)).toEqual([]);
    // From the seed (real now) to Sunday 6 Dec 2026 12:00 UTC: the window spans Sunday, Monday and
    // Tuesday 8 Dec, a public holiday in Madrid (the MAD project's calendar).
    const start = Date.parse('2026-12-06T12:00:00Z');
    if (emu.clock.now() < start) await emu.advance(start - emu.clock.now());
    expect(freshIssues(emu)).toHaveLength(12);
    await emu.drain();
    const found: Array<{ at: string; keys: string[] }> = [];
    for (let h = 0; h <= 48; h++) {
      if (h > 0) await emu.advance(HOUR);
      const wrong = await mismatches(emu);
      if (wrong.length) found.push({ at: new Date(emu.clock.now()).toISOString(), keys: wrong.map((m) => m.key) });
    }
    expect(found).toEqual([]);
  });
});
