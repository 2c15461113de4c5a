import { MetadataMatcher } from '../../../../src/core/policy/presets/match';
import { SITE } from '../metadata';

describe('binding preset names to a site', () => {
  it('finds ids by name regardless of case and extra spaces', () => {
    const m = new MetadataMatcher(SITE);
    expect(m.priorities(['  HIGHEST ', 'level  3'])).toEqual(['1', '13']);
    expect(m.statuses(['waiting for customer'])).toEqual(['10005']);
    expect(m.issueTypes(['feature request'])).toEqual(['10002']);
    expect(m.unmatched).toEqual([]);
  });

  it('returns no ids for a name the site lacks and remembers it by its first name', () => {
    const m = new MetadataMatcher(SITE);
    expect(m.priorities(['Blocker', 'Critical'])).toEqual([]);
    expect(m.statuses(['Escalated'])).toEqual([]);
    expect(m.unmatched).toEqual(['priority "Blocker"', 'status "Escalated"']);
  });

  it('binds a select field and its options, remembering options it cannot find', () => {
    const m = new MetadataMatcher(SITE);
    const severity = m.selectField(['severity']);
    expect(severity.fieldId).toBe('customfield_10050');
    expect(severity.options(['Severity A', 'severity b'])).toEqual(['20000', '20001']);
    expect(severity.options(['Severity Z'])).toEqual([]);
    expect(m.unmatched).toEqual(['Severity option "Severity Z"']);
  });

  it('keeps a placeholder id that matches nothing for an unknown field', () => {
    const m = new MetadataMatcher(SITE);
    const region = m.selectField(['Region']);
    expect([region.fieldId, region.options(['EMEA'])]).toEqual(['unmatched-field', []]);
    expect(m.unmatched).toEqual(['field "Region"']);
  });
});
