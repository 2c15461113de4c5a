/** Report filters: period, metric, goal, priority and the report's time zone. */
import { useState, type CSSProperties } from 'react';
import type { DataOf, ReportFiltersDto } from '@contract';
import { isValidZone } from '../../shared/format';
import { Button, colors, space } from '../../shared/ui';

type Options = DataOf<'report.options'>;

const field: CSSProperties = { display: 'flex', flexDirection: 'column', gap: '2px', fontSize: '12px', color: colors.textSubtle };
const input: CSSProperties = { font: 'inherit', fontSize: '14px', padding: '4px 6px', color: colors.text, background: colors.surface, border: `1px solid ${colors.border}`, borderRadius: '3px' };

export function Filters({ options, value, onApply }: { options: Options; value: ReportFiltersDto; onApply: (f: ReportFiltersDto) => void }) {
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<ReportFiltersDto>) => setDraft((d) => ({ ...d, ...patch }));
  const goals = options.goals.filter((g) => draft.metricKey === null || g.metricKey === draft.metricKey);
  const zoneOk = isValidZone(draft.timeZone);
  return (
    <form
      aria-label="Report filters"
      onSubmit={(e) => { e.preventDefault(); if (zoneOk) onApply(draft); }}
      style={{ display: 'flex', flexWrap: 'wrap', gap: space.s150, alignItems: 'flex-end', marginBottom: space.s200 }}
    >
      <label style={field}>From<input style={input} type="month" value={draft.fromMonth} onChange={(e) => set({ fromMonth: e.target.value })} data-testid="filter-from" /></label>
      <label style={field}>To<input style={input} type="month" value={draft.toMonth} onChange={(e) => set({ toMonth: e.target.value })} data-testid="filter-to" /></label>
      <label style={field}>Metric
        <select style={input} value={draft.metricKey ?? ''} onChange={(e) => set({ metricKey: e.target.value || null, goalId: null })} data-testid="filter-metric">
          <option value="">All metrics</option>
          {options.metrics.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label style={field}>Goal
        <select style={input} value={draft.goalId ?? ''} onChange={(e) => set({ goalId: e.target.value || null })} data-testid="filter-goal">
          <option value="">All goals</option>
          {goals.map((g) => <option key={`${g.metricKey}-${g.id}`} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <label style={field}>Priority
        <select style={input} value={draft.priorityId ?? ''} onChange={(e) => set({ priorityId: e.target.value || null })} data-testid="filter-priority">
          <option value="">All priorities</option>
          {options.priorities.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label style={field}>Time zone
        <input style={{ ...input, borderColor: zoneOk ? colors.border : colors.textDanger }} value={draft.timeZone} onChange={(e) => set({ timeZone: e.target.value.trim() })} aria-invalid={!zoneOk} data-testid="filter-zone" />
      </label>
      <Button type="submit" appearance="primary" disabled={!zoneOk} data-testid="filter-apply">Apply</Button>
    </form>
  );
}
