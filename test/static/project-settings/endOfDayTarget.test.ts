import { partsToTarget, targetToParts } from '../../../static/project-settings/src/model/target';

describe('end-of-day business-day targets in the goal editor', () => {
  it('reads "2" with the end-of-day unit as 2 business days due at the day\'s close, and shows it back the same way', () => {
    const parsed = partsToTarget({ amount: '2', unit: 'businessDaysEndOfDay' });
    expect(parsed).toEqual({ ok: true, value: { kind: 'businessDays', days: 2, endOfDay: true } });
    expect(targetToParts({ kind: 'businessDays', days: 2, endOfDay: true })).toEqual({ amount: '2', unit: 'businessDaysEndOfDay' });
    expect(targetToParts({ kind: 'businessDays', days: 2 })).toEqual({ amount: '2', unit: 'businessDays' });
  });
});
