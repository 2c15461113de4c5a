import { previewDue } from '../../../src/core/evaluate';
import { at, goal, metric, policyOf } from './builders';

describe('previewDue', () => {
  it('gives each metric its goal, calendar and due instant for an issue created now', () => {
    const policy = policyOf(metric({
      goals: [
        goal({ id: 'high', name: 'High', match: { priorityIds: ['2'] }, target: { kind: 'minutes', minutes: 120 }, calendar: { kind: 'fixed', calendarId: 'cet-9-17' } }),
        goal({ id: 'rest', name: 'Rest', target: { kind: 'trackOnly' } }),
      ],
    }));
    expect(previewDue(policy, { priority: '2' }, at('2026-03-02T15:00:00Z'))).toEqual([
      { key: 'response', name: 'Time to first response', goalName: 'High', target: '2 h', calendarId: 'cet-9-17', dueAt: at('2026-03-03T09:00:00Z') },
    ]);
    expect(previewDue(policy, {}, at('2026-03-02T15:00:00Z'))[0]).toMatchObject({ goalName: 'Rest', target: 'track only', dueAt: null });
  });
});
