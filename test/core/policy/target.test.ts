import { formatTarget, parseTarget } from '../../../src/core/policy';

describe('parseTarget', () => {
  it.each([
    ['4h', { kind: 'minutes', minutes: 240 }],
    ['1d 2h', { kind: 'minutes', minutes: 1560 }],
    ['90m', { kind: 'minutes', minutes: 90 }],
    ['1 h 30 min', { kind: 'minutes', minutes: 90 }],
    ['2bd', { kind: 'businessDays', days: 2 }],
    ['1 business day', { kind: 'businessDays', days: 1 }],
    ['track', { kind: 'trackOnly' }],
  ])('reads %p', (text, target) => {
    expect(parseTarget(text)).toEqual({ ok: true, value: target });
  });

  it.each(['', '0h', '4 hours', 'h4', '0bd', '3x'])('rejects %p with POL_BAD_TARGET', (text) => {
    const r = parseTarget(text);
    expect(!r.ok && r.error[0]?.code).toBe('POL_BAD_TARGET');
  });

  it('reads back whatever formatTarget writes', () => {
    for (const text of ['45m', '4h', '1d 2h 5m', '3bd', '1bd', 'track']) {
      const first = parseTarget(text);
      if (!first.ok) throw new Error(text);
      expect(parseTarget(formatTarget(first.value))).toEqual(first);
    }
  });
});

describe('formatTarget', () => {
  it('writes hours, minutes and business days for people', () => {
    expect(formatTarget({ kind: 'minutes', minutes: 240 })).toBe('4 h');
    expect(formatTarget({ kind: 'minutes', minutes: 90 })).toBe('1 h 30 min');
    expect(formatTarget({ kind: 'businessDays', days: 2 })).toBe('2 business days');
    expect(formatTarget({ kind: 'trackOnly' })).toBe('track only');
  });
});
