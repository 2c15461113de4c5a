import { cycleLine, goalInWords, STATE_LABEL, statusLine } from '../../../static/issue-panel/src/describe';
import { cycle, H, M, metric, MONDAY } from './fixtures';
import { live } from './live-fixture';

const now = MONDAY + 10 * H; // Monday 10:00 UTC
const line = (over: Parameters<typeof live>[0]) => statusLine(live(over), now, 'UTC');

describe('the goal in words', () => {
  it('names the goal and its target, with the calendar when there is one', () => {
    expect(goalInWords(metric(), 'Madrid business hours')).toBe('High — 4 h, Madrid business hours');
    expect(goalInWords(metric(), null)).toBe('High — 4 h');
  });

  it('says no goal applies when the issue matches none, and "No goal" otherwise', () => {
    expect(goalInWords(metric({ goal: null, state: 'notApplicable' }), 'x')).toBe('No goal applies to this issue');
    expect(goalInWords(metric({ goal: null, state: 'notStarted' }), 'x')).toBe('No goal');
  });

  it('labels both breached states alike and a clock without a goal as "No goal"', () => {
    expect(STATE_LABEL.breachedRunning).toEqual(STATE_LABEL.breachedCompleted);
    expect(STATE_LABEL.notApplicable.text).toBe('No goal');
  });
});

describe('the status line of a clock', () => {
  it('says what is left, with seconds only while the clock ticks', () => {
    expect(line({})).toBe('3 h left');
    expect(line({ remainingMs: 90_000, ticking: true })).toBe('1 m 30 s left');
  });

  it('says how much time went by for a clock without a goal, and by how much a running clock breached', () => {
    expect(line({ remainingMs: null, goalMs: null, elapsedMs: 2 * H + 5 * M })).toBe('2 h 5 m elapsed');
    expect(line({ state: 'breachedRunning', breachedByMs: 20 * M })).toBe('Breached by 20 m');
  });

  it('says a finished clock met its goal with time to spare, or when it had none how long it took', () => {
    expect(line({ state: 'met', remainingMs: 45 * M })).toBe('Met with 45 m to spare');
    expect(line({ state: 'met', remainingMs: null, elapsedMs: 3 * H })).toBe('Done in 3 h');
    expect(line({ state: 'breachedCompleted', breachedByMs: H })).toBe('Breached by 1 h');
    expect(line({ state: 'breachedCompleted', breachedByMs: null })).toBe('Breached by 0 m');
  });

  it('says a clock has not started or is not measured', () => {
    expect(line({ state: 'notStarted' })).toBe('Clock not started');
    expect(line({ state: 'notApplicable' })).toBe('Not measured for this issue');
  });

  it('adds why a clock is frozen: a condition, an exclusion window, or business hours', () => {
    expect(line({ state: 'paused', frozen: { kind: 'condition', label: 'Waiting for customer' } })).toBe('3 h left · paused: Waiting for customer');
    expect(line({ frozen: { kind: 'exclusion', reason: 'Migration', until: null } })).toBe('3 h left · paused for Migration');
    expect(line({ frozen: { kind: 'exclusion', reason: 'Migration', until: now + 2 * H } })).toBe('3 h left · paused for Migration until Mon 12:00');
    expect(line({ frozen: { kind: 'outsideHours', resumesAt: null } })).toBe('3 h left · outside business hours');
    expect(line({ frozen: { kind: 'outsideHours', resumesAt: now + 22 * H } })).toBe('3 h left · outside business hours — resumes Tue 08:00');
  });
});

describe('completed cycles in one line', () => {
  it('gives the outcome and the time used, of the goal when there was one', () => {
    expect(cycleLine(cycle({ met: true, elapsedMs: H + 20 * M }))).toBe('Met · 1 h 20 m of 4 h');
    expect(cycleLine(cycle({ met: false, elapsedMs: 5 * H }))).toBe('Breached · 5 h of 4 h');
    expect(cycleLine(cycle({ met: null, goalMs: null, elapsedMs: 30 * M }))).toBe('Done · 30 m');
  });
});
