import type { PolicySpec } from '@core/browser';
import { applyMapping, choicesFor, kindOf, metricsMatchingNothing, missingFields, proposeMapping, share, whyMatchesNothing } from '../../../../static/project-settings/src/presets/mapping';
import { EMPTY_METADATA } from '../../../../static/project-settings/src/model/metadata';
import { buildPolicy, levelsPreset, metadata } from '../fakeBackend';

describe('mapping preset levels to this site', () => {
  it('shares the site values out by rank, the last goal taking the remainder', () => {
    const five = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
    expect([0, 1, 2, 3].map((i) => share(five, i, 4))).toEqual([['Highest'], ['High'], ['Medium'], ['Low', 'Lowest']]);
  });

  it('gives the least urgent levels nothing when there are more levels than values, so they show as matching no issue', () => {
    const rows = proposeMapping(levelsPreset(4), metadata);
    expect(rows.map((r) => [r.name, r.ids])).toEqual([['Level 1', ['1']], ['Level 2', ['2']], ['Level 3', ['3']], ['Level 4', []]]);
    const mapped = applyMapping(levelsPreset(4), rows);
    expect(mapped.metrics[0]?.goals.map((g) => whyMatchesNothing(g.match, metadata))).toEqual([null, null, null, 'no priority of this site is chosen']);
  });

  it('guesses an unbound level from the values left between its bound neighbours, and never guesses issue types', () => {
    const preset = levelsPreset(3);
    const metric = preset.metrics[0];
    if (!metric) throw new Error('fixture');
    const goals = metric.goals.map((g, i) => (i === 1 ? { ...g, match: { priorityIds: ['2'] } } : i === 2 ? { ...g, match: { priorityIds: ['3'] } } : g));
    const feature = { ...metric.goals[0], id: 'feature', name: 'Feature', match: { issueTypeIds: [] } } as (typeof goals)[number];
    const rows = proposeMapping({ ...preset, metrics: [{ ...metric, goals: [feature, ...goals] }] }, metadata);
    expect(rows.map((r) => [r.name, r.ids])).toEqual([['Feature', []], ['Level 1', ['1']], ['Level 2', ['2']], ['Level 3', ['3']]]);
  });

  it('keeps what the backend bound by name', () => {
    const preset = buildPolicy();
    expect(proposeMapping(preset, metadata).map((r) => r.ids)).toEqual([['2']]);
  });

  it('maps goals on a field this site lacks to priorities', () => {
    const preset = levelsPreset(2);
    const metric = preset.metrics[0];
    if (!metric) throw new Error('fixture');
    const onSeverity = { ...preset, metrics: [{ ...metric, goals: metric.goals.map((g) => ({ ...g, match: { field: { fieldId: 'unmatched-field', optionIds: [] } } })) }] };
    const rows = proposeMapping(onSeverity, metadata);
    expect(rows.map((r) => [r.kind, r.ids])).toEqual([['priority', ['1']], ['priority', ['2', '3']]]);
    expect(applyMapping(onSeverity, rows).metrics[0]?.goals[0]?.match).toEqual({ priorityIds: ['1'] });
  });

  it('names a metric none of whose goals can match an issue, and not one with a catch-all', () => {
    expect(metricsMatchingNothing(levelsPreset(2), metadata)).toEqual(['First response']);
    expect(metricsMatchingNothing(buildPolicy(), metadata)).toEqual([]);
    expect(whyMatchesNothing({ priorityIds: ['999'] }, metadata)).toBe('no priority of this site is chosen');
  });
});

describe('what a goal is matched on', () => {
  it('reads a field match before priorities and issue types, and nothing from a catch-all', () => {
    expect(kindOf({ field: { fieldId: 'customfield_1', optionIds: [] }, priorityIds: ['1'] })).toBe('field');
    expect(kindOf({ priorityIds: [] })).toBe('priority');
    expect(kindOf({ issueTypeIds: ['100'] })).toBe('issueType');
    expect(kindOf({})).toBeNull();
  });

  it("offers this site's priorities, issue types or the options of the mapped field", () => {
    expect(choicesFor({ kind: 'priority', fieldId: null }, metadata)).toBe(metadata.priorities);
    expect(choicesFor({ kind: 'issueType', fieldId: null }, metadata)).toBe(metadata.issueTypes);
    expect(choicesFor({ kind: 'field', fieldId: 'customfield_1' }, metadata).map((o) => o.name)).toEqual(['S1', 'S2']);
    expect(choicesFor({ kind: 'field', fieldId: 'customfield_9' }, metadata)).toEqual([]);
  });

  it('says whether the preset uses a field this site lacks', () => {
    const onField = (fieldId: string): PolicySpec => {
      const base = buildPolicy();
      const metric = base.metrics[0];
      const goal = metric?.goals[0];
      if (!metric || !goal) throw new Error('fixture');
      return { ...base, metrics: [{ ...metric, goals: [{ ...goal, match: { field: { fieldId, optionIds: ['s1'] } } }] }] };
    };
    expect(missingFields(onField('customfield_9'), metadata)).toBe(true);
    expect(missingFields(onField('customfield_1'), metadata)).toBe(false);
    expect(missingFields(buildPolicy(), metadata)).toBe(false);
  });
});

describe('why a goal matches no issue', () => {
  const field = (fieldId: string, optionIds: string[]) => ({ field: { fieldId, optionIds } });

  it('names each reason on a field match', () => {
    expect(whyMatchesNothing(field('customfield_1', []), metadata)).toBe('no field value is chosen');
    expect(whyMatchesNothing(field('unmatched-field', ['s1']), metadata)).toBe('its field does not exist on this site');
    expect(whyMatchesNothing(field('customfield_9', ['s1']), metadata)).toBe('its field does not exist on this site');
    expect(whyMatchesNothing(field('customfield_1', ['gone']), metadata)).toBe('none of its field values exists on this site');
    expect(whyMatchesNothing(field('customfield_1', ['gone', 's2']), metadata)).toBeNull();
  });

  it('judges issue types as priorities, and only empty lists without metadata', () => {
    expect(whyMatchesNothing({ issueTypeIds: ['999'] }, metadata)).toBe('no issue type of this site is chosen');
    expect(whyMatchesNothing({ issueTypeIds: ['100'] }, metadata)).toBeNull();
    expect(whyMatchesNothing({ priorityIds: ['999'] }, EMPTY_METADATA)).toBeNull();
    expect(whyMatchesNothing({ priorityIds: [] }, EMPTY_METADATA)).toBe('no priority of this site is chosen');
    expect(whyMatchesNothing(field('customfield_9', ['s1']), EMPTY_METADATA)).toBeNull();
  });
});
