import { instantiatePreset, POLICY_PRESETS, validatePolicy } from '../../../../src/core/policy';
import { SITE } from '../metadata';

describe('policy presets', () => {
  it('has one preset per seed document, each valid once bound to a site', () => {
    expect(POLICY_PRESETS.map((p) => p.id)).toEqual(['atlassian-priority', 'idalko-standard', 'idalko-premium', 'four-tier', 'communardo', 'deiser']);
    for (const preset of POLICY_PRESETS) {
      const { policy } = instantiatePreset(preset.id, SITE);
      const r = validatePolicy(policy);
      expect([preset.id, r.ok ? [] : r.error]).toEqual([preset.id, []]);
    }
  });

  it('closes both helpdesk presets on Belgian public holidays (the vendor\'s region; their policy names none)', () => {
    for (const id of ['idalko-standard', 'idalko-premium']) {
      const { policy } = instantiatePreset(id, SITE);
      for (const cal of policy.calendars) expect([id, cal.kind === 'weekly' ? cal.holidays?.sources : null]).toEqual([id, [{ country: 'BE' }]]);
    }
    // The shared preset calendar itself is unchanged: the other presets using it have no holidays added.
    const { policy } = instantiatePreset('atlassian-priority', SITE);
    const cet = policy.calendars.find((c) => c.id === 'cet-9-17');
    expect(cet?.kind === 'weekly' ? cet.holidays : 'not weekly').toBeUndefined();
  });

  it('matches priorities by name regardless of case and lists the names it could not find', () => {
    const { policy, unmatched } = instantiatePreset('communardo', SITE);
    expect(policy.metrics[0]?.goals.map((g) => g.match.priorityIds)).toEqual([['11'], ['12'], ['13'], []]);
    expect(unmatched).toEqual(['priority "Level 4"']);
  });

  it('binds the severity field, the waiting status and the in-progress status of the helpdesk presets', () => {
    const { policy, unmatched } = instantiatePreset('idalko-premium', SITE);
    expect(unmatched).toEqual([]);
    const [response, intervention, update] = policy.metrics;
    expect(response?.goals[0]?.match.field).toEqual({ fieldId: 'customfield_10050', optionIds: ['20000', '20001'] });
    expect(response?.pause).toEqual([{ kind: 'inStatus', statusIds: ['10005'] }]);
    expect(response?.onGoalChange).toBe('keepOriginal');
    expect(intervention?.stop[0]).toEqual({ kind: 'statusEntered', statusIds: ['3'] });
    expect(update?.mode).toBe('recurring');
  });

  it('still builds a valid policy on a bare site, reporting every missing name', () => {
    const bare = { priorities: [], statuses: [], issueTypes: [], selectFields: [] };
    const { policy, unmatched } = instantiatePreset('idalko-standard', bare);
    expect(unmatched).toEqual(['field "Severity"', 'status "Waiting for customer"', 'status "In Progress"']);
    expect(policy.metrics[1]?.stop[0]).toEqual({ kind: 'statusCategoryEntered', categories: ['indeterminate'] });
    expect(validatePolicy(policy).ok).toBe(true);
  });

  it('sends feature requests to the Low goal before looking at priority', () => {
    const { policy } = instantiatePreset('four-tier', SITE);
    expect(policy.metrics[0]?.goals[0]).toMatchObject({ id: 'feature', match: { issueTypeIds: ['10002'] }, target: { kind: 'minutes', minutes: 1440 } });
  });
});
