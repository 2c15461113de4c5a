/** "An issue created now with priority High would be due Tue 10:30 (Madrid)", for the unsaved draft. */
import { useState } from 'react';
import type { DataOf, PreviewMetric } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';
import { formatSoon, viewerTimeZone } from '../../../shared/format';
import { Button, EmptyState, ErrorState, LoadingState } from '../../../shared/ui';
import { useMetadata } from '../model/metadata';
import { Field } from '../ui/Field';
import { CoveragePanel } from './CoveragePanel';
import { Timeline } from './Timeline';
import { shownZone, type ShownZone } from './zoneOfCalendar';

/** Keyed by the field ids goals match on (the changelog's "priority", "issuetype", custom field ids). */
type Fields = Record<string, string>;
type Outcome = { status: 'idle' | 'loading' } | { status: 'error'; message: string; code: string } | { status: 'ready'; data: DataOf<'settings.preview'> };

export function PreviewTab({ policy }: { policy: PolicySpec }) {
  const meta = useMetadata();
  const [fields, setFields] = useState<Fields>((): Fields => (meta.priorities[0] ? { priority: meta.priorities[0].id } : {}));
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const run = async () => {
    setOutcome({ status: 'loading' });
    const res = await call('settings.preview', { policy, fields });
    setOutcome(res.ok ? { status: 'ready', data: res.data } : { status: 'error', message: res.error.message, code: res.error.code });
  };
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p className="field-help">See when an issue created right now would be due under the settings on this page, before you save them.</p>
      <PreviewForm fields={fields} onChange={setFields} onRun={() => void run()} />
      {outcome.status === 'loading' && <LoadingState label="Calculating…" />}
      {outcome.status === 'error' && <ErrorState title="Could not preview" message={outcome.message} code={outcome.code} onRetry={() => void run()} />}
      {outcome.status === 'ready' && <PreviewResults data={outcome.data} calendars={policy.calendars} subject={describeIssue(fields, meta.priorities)} />}
      <CoveragePanel policy={policy} />
    </section>
  );
}

function PreviewForm({ fields, onChange, onRun }: { fields: Fields; onChange: (f: Fields) => void; onRun: () => void }) {
  const meta = useMetadata();
  const set = (key: string, value: string) => {
    const { [key]: _old, ...rest } = fields;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  const pick = (key: string, label: string, options: ReadonlyArray<{ id: string; name: string }>) => (
    <Field key={key} label={label} render={(p) => (
      <select {...p} className="input" value={fields[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">Any / not set</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    )} />
  );
  return (
    <div className="row">
      {pick('priority', 'Priority', meta.priorities)}
      {pick('issuetype', 'Issue type', meta.issueTypes)}
      {meta.selectFields.map((f) => pick(f.id, f.name, f.options))}
      <Button appearance="primary" onClick={onRun} data-testid="preview-run">Preview due times</Button>
    </div>
  );
}

function describeIssue(fields: Fields, priorities: ReadonlyArray<{ id: string; name: string }>): string {
  const priority = priorities.find((p) => p.id === fields.priority);
  return priority ? `An issue created now with priority ${priority.name}` : 'An issue created now';
}

function PreviewResults({ data, calendars, subject }: { data: DataOf<'settings.preview'>; calendars: PolicySpec['calendars']; subject: string }) {
  if (data.metrics.length === 0) return <EmptyState title="Nothing to preview">This policy has no metrics yet.</EmptyState>;
  return (
    <ul className="preview-list" data-testid="preview-results">
      {data.metrics.map((m) => <li key={m.key} className="card"><MetricPreview metric={m} now={data.now} subject={subject} zone={shownZone(calendars, m.calendarId, m.calendarTimeZone, viewerTimeZone())} /></li>)}
    </ul>
  );
}

/** `zone` is where the due time is shown and how that place is named (see zoneOfCalendar.ts). */
export function previewSentence(m: PreviewMetric, now: number, subject: string, zone: ShownZone): string {
  if (m.goalName === null) return `${m.name}: no goal matches ${subject.replace(/^An issue/, 'an issue')}, so it is not measured.`;
  if (m.dueAt === null) return `${m.name}: ${subject} is tracked (${m.goalName}) without a due time.`;
  return `${m.name}: ${subject} would be due ${formatSoon(m.dueAt, now, zone.zone)} (${zone.label}) — goal ${m.goalName}${m.target ? `, ${m.target}` : ''}.`;
}

function MetricPreview({ metric, now, subject, zone }: { metric: PreviewMetric; now: number; subject: string; zone: ShownZone }) {
  return (
    <>
      <p data-testid={`preview-${metric.key}`}>{previewSentence(metric, now, subject, zone)}</p>
      {metric.dueAt !== null && metric.dueAt > now && (
        <Timeline from={now} to={metric.dueAt} windows={metric.windows} timeZone={zone.zone} label={metric.name} />
      )}
    </>
  );
}
