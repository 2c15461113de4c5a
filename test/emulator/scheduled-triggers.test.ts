/**
 * Scheduled triggers on the emulator clock: a failed run is not retried, a clock jump gives one
 * catch-up run, and a forced run (the control API's sweep) leaves the schedule where it was.
 */
import { handleControl } from '../../emulator/server/control';
import { teardown, testEmulator } from './helpers';

afterEach(teardown);

const MIN = 60_000;

describe('scheduled triggers', () => {
  it('does not retry a run that threw; the next run comes on schedule', async () => {
    let runs = 0;
    const emu = testEmulator({ sweep: () => { runs++; throw new Error('sweep failed'); } });
    await emu.advance(5 * MIN);
    expect(runs).toBe(1);
    await emu.advance(4 * MIN);
    expect(runs).toBe(1);
    await emu.advance(1 * MIN);
    expect(runs).toBe(2);
  });

  it('runs once, not once per missed slot, after the clock jumps a day', async () => {
    let runs = 0;
    const emu = testEmulator({ sweep: () => { runs++; } });
    await emu.advance(24 * 60 * MIN);
    expect(runs).toBe(1);
    await emu.advance(5 * MIN);
    expect(runs).toBe(2);
  });

  it('keeps the schedule after a forced run: the slot that was due still runs', async () => {
    let runs = 0;
    const emu = testEmulator({ sweep: () => { runs++; } });
    await emu.advance(4 * MIN);
    await handleControl(emu, 'POST', '/control/sweep', {}, async () => undefined);
    expect(runs).toBe(1);
    await emu.advance(1 * MIN);
    expect(runs).toBe(2);
  });

  it('drops a scheduled invocation lost by the platform, and runs the next slot', async () => {
    let runs = 0;
    const emu = testEmulator({ sweep: () => { runs++; } });
    emu.faults.lostInvocations.scheduled = 1;
    await emu.advance(5 * MIN);
    expect([runs, emu.runtime?.counters.lostInvocations]).toEqual([0, 1]);
    await emu.advance(5 * MIN);
    expect(runs).toBe(1);
  });
});
