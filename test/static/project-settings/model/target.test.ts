import { describeTarget, isUnusualTarget, partsToTarget, targetToParts } from '../../../../static/project-settings/src/model/target';

describe('goal targets as a number and a unit', () => {
  it.each([
    [{ amount: '4', unit: 'hours' }, { kind: 'minutes', minutes: 240 }],
    [{ amount: '90', unit: 'minutes' }, { kind: 'minutes', minutes: 90 }],
    [{ amount: ' 2 ', unit: 'businessDays' }, { kind: 'businessDays', days: 2 }],
    [{ amount: '', unit: 'trackOnly' }, { kind: 'trackOnly' }],
  ] as const)('reads %j as a target', (parts, target) => {
    expect(partsToTarget(parts)).toEqual({ ok: true, value: target });
  });

  it.each(['', '0', '2.5', '-1', 'four'])('rejects the amount "%s" with a sentence naming the unit', (amount) => {
    expect(partsToTarget({ amount, unit: 'hours' })).toEqual({ ok: false, error: 'Enter a whole number of hours, 1 or more.' });
  });

  it('refuses what the server refuses: more than 10 years, or more than 3660 business days', () => {
    expect(partsToTarget({ amount: '99999', unit: 'businessDays' }).ok).toBe(false);
    expect(partsToTarget({ amount: String(24 * 99999), unit: 'hours' })).toEqual({ ok: false, error: 'At most 87,840 hours (10 years).' });
    expect(partsToTarget({ amount: '3660', unit: 'businessDays' }).ok).toBe(true);
  });

  it('shows whole hours as hours and anything else in minutes, so a stored target reads back the same', () => {
    for (const target of [{ kind: 'minutes', minutes: 1561 }, { kind: 'minutes', minutes: 1560 }, { kind: 'businessDays', days: 3 }, { kind: 'trackOnly' }] as const) {
      expect(partsToTarget(targetToParts(target))).toEqual({ ok: true, value: target });
    }
    expect(targetToParts({ kind: 'minutes', minutes: 1560 })).toEqual({ amount: '26', unit: 'hours' });
  });

  it('asks to confirm targets past 30 days around the clock or 60 business days', () => {
    expect(isUnusualTarget({ kind: 'minutes', minutes: 30 * 24 * 60 })).toBe(false);
    expect(isUnusualTarget({ kind: 'minutes', minutes: 30 * 24 * 60 + 1 })).toBe(true);
    expect(isUnusualTarget({ kind: 'businessDays', days: 61 })).toBe(true);
    expect(isUnusualTarget({ kind: 'trackOnly' })).toBe(false);
  });

  it('describes targets in words, long ones also as days of business time', () => {
    expect(describeTarget({ kind: 'minutes', minutes: 270 })).toBe('4 h 30 min');
    expect(describeTarget({ kind: 'businessDays', days: 1 })).toBe('1 business day');
    expect(describeTarget({ kind: 'minutes', minutes: 1440 })).toBe('24 h of business time (1 × 24 h)');
  });
});

describe('end-of-day business-day targets in the goal editor', () => {
  it('reads "2" with the end-of-day unit as 2 business days due at the day\'s close, and shows it back the same way', () => {
    const parsed = partsToTarget({ amount: '2', unit: 'businessDaysEndOfDay' });
    expect(parsed).toEqual({ ok: true, value: { kind: 'businessDays', days: 2, endOfDay: true } });
    expect(targetToParts({ kind: 'businessDays', days: 2, endOfDay: true })).toEqual({ amount: '2', unit: 'businessDaysEndOfDay' });
    expect(targetToParts({ kind: 'businessDays', days: 2 })).toEqual({ amount: '2', unit: 'businessDays' });
  });
});
