/**
 * The gadget's edit view: choose a project, one of its metrics and the due-soon horizon, then save.
 * Projects are listed with requestJira, which runs as the viewer, so only projects they can see are
 * offered; metrics come from gadget.options, which checks Browse projects again on the server.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { requestJira, view } from '@forge/bridge';
import type { NamedRef } from '@contract';
import { call } from '../../shared/api';
import { Button, ErrorState, Notice, space } from '../../shared/ui';
import { DEFAULT_HOURS, HOST_REFRESH_MINUTES, type GadgetConfig } from './config';

interface ProjectRef { id: string; key: string; name: string }

async function listProjects(): Promise<ProjectRef[]> {
  const res = await requestJira('/rest/api/3/project/search?maxResults=100&orderBy=name');
  if (!res.ok) throw new Error(`Jira answered ${res.status} listing projects.`);
  const body = (await res.json()) as { values?: Array<{ id?: unknown; key?: unknown; name?: unknown }> };
  return (body.values ?? []).flatMap((p) => (typeof p.id === 'string' && typeof p.key === 'string' ? [{ id: p.id, key: p.key, name: String(p.name ?? p.key) }] : []));
}

const field = { display: 'grid', gap: space.s050, marginBottom: space.s150 } as const;

export function EditView({ initial }: { initial: GadgetConfig | null }) {
  const [projects, setProjects] = useState<ProjectRef[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [projectId, setProjectId] = useState(initial?.projectId ?? '');
  const [metrics, setMetrics] = useState<NamedRef[] | null>(null);
  const [metricKey, setMetricKey] = useState(initial?.metricKey ?? '');
  const [hours, setHours] = useState(String(initial?.dueWithinHours ?? DEFAULT_HOURS));

  useEffect(() => {
    listProjects().then(setProjects, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    setMetrics(null);
    if (!projectId) return;
    void call('gadget.options', { projectId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setMetrics(r.data.metrics);
      setMetricKey((k) => (r.data.metrics.some((m) => m.id === k) ? k : (r.data.metrics[0]?.id ?? '')));
    });
  }, [projectId]);

  const hoursValue = Number(hours);
  const valid = projectId !== '' && metricKey !== '' && Number.isInteger(hoursValue) && hoursValue >= 1 && hoursValue <= 168;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void view.submit({ projectId, metricKey, dueWithinHours: hoursValue, refresh: HOST_REFRESH_MINUTES });
  };

  return (
    <form data-testid="gadget-edit" aria-label="Configure the SLA gadget" onSubmit={submit} style={{ padding: space.s150 }}>
      {error && <ErrorState title="Could not load the choices" message={error} />}
      <label style={field}>Project
        <select data-testid="gadget-project" value={projectId} onChange={(e) => setProjectId(e.target.value)} disabled={!projects}>
          <option value="">{projects ? 'Choose a project' : 'Loading projects…'}</option>
          {(projects ?? []).map((p) => <option key={p.id} value={p.id}>{p.name} ({p.key})</option>)}
        </select>
      </label>
      <label style={field}>Metric
        <select data-testid="gadget-metric" value={metricKey} onChange={(e) => setMetricKey(e.target.value)} disabled={!metrics || metrics.length === 0}>
          {(metrics ?? []).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      {metrics && metrics.length === 0 && <Notice tone="warning">This project has no SLA configuration yet.</Notice>}
      <label style={field}>Show issues due within (hours)
        <input data-testid="gadget-hours" type="number" min={1} max={168} step={1} value={hours} onChange={(e) => setHours(e.target.value)} />
      </label>
      <div style={{ display: 'flex', gap: space.s100, flexWrap: 'wrap' }}>
        <Button appearance="primary" type="submit" disabled={!valid} data-testid="gadget-save">Save</Button>
        <Button onClick={() => void view.close()}>Cancel</Button>
      </div>
    </form>
  );
}
