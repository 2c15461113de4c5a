import { applyMapping, metricsMatchingNothing, proposeMapping, share, whyMatchesNothing } from '../../../../static/project-settings/src/presets/mapping';
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
