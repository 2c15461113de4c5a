import { newPolicy } from '../../../../static/project-settings/src/model/defaults';

describe('a policy started from scratch', () => {
  it('has a calendar that its goal refers to', () => {
    const policy = newPolicy();
    const goal = policy.metrics[0]?.goals[0];
    expect(goal?.calendar).toEqual({ kind: 'fixed', calendarId: policy.calendars[0]?.id });
  });
});
