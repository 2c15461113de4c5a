/**
 * The step between "Apply" and the editor: map each preset goal to this site's values (best guess
 * filled in) and confirm every assumption the preset makes. Nothing reaches the draft before the
 * admin presses "Use this preset".
 */
import { useEffect, useMemo, useState } from 'react';
import type { JiraMetadata } from '@contract';
import type { PolicySpec } from '@core/browser';
import { call } from '../../../shared/api';
import { Button, Notice } from '../../../shared/ui';
import { useMetadata } from '../model/metadata';
import { CheckboxMenu } from '../ui/CheckboxMenu';
import { countriesWithRegions, presetAssumptions } from './assumptions';
import { applyMapping, choicesFor, missingFields, proposeMapping, whyMatchesNothing, type GoalMapping } from './mapping';

interface Props { name: string; policy: PolicySpec; onUse: (policy: PolicySpec) => void; onCancel: () => void }

/** Region names ("Saxony") for the preset's holiday regions, from the holiday resolver. */
function useRegionNames(policy: PolicySpec): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const country of countriesWithRegions(policy)) {
      void call('settings.holidays', { country, year: new Date().getFullYear() }).then((res) => {
        if (!live || !res.ok) return;
        const found = Object.fromEntries(res.data.states.map((s) => [`${country}-${s.id}`, s.name]));
        setNames((n) => ({ ...n, ...found }));
      });
    }
    return () => { live = false; };
  }, [policy]);
  return names;
}

export function PresetMapping({ name, policy, onUse, onCancel }: Props) {
  const meta = useMetadata();
  const [rows, setRows] = useState<GoalMapping[]>(() => proposeMapping(policy, meta));
  const regions = useRegionNames(policy);
  const assumptions = useMemo(() => presetAssumptions(policy, regions), [policy, regions]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const allConfirmed = assumptions.every((a) => confirmed.has(a.key));
  const setIds = (i: number, ids: string[]) => setRows(rows.map((r, k) => (k === i ? { ...r, ids } : r)));
  const toggle = (key: string, on: boolean) => setConfirmed((c) => { const n = new Set(c); if (on) n.add(key); else n.delete(key); return n; });
  return (
    <section className="card" aria-labelledby="preset-mapping-heading" data-testid="preset-mapping">
      <h3 id="preset-mapping-heading">Fit "{name}" to this project</h3>
      {rows.length > 0 && <MappingTable rows={rows} meta={meta} policy={policy} onChange={setIds} />}
      <fieldset data-testid="preset-assumptions">
        <legend>What this preset assumes</legend>
        <p className="field-help">Confirm each point, or change it on the Calendars tab after applying.</p>
        {assumptions.map((a) => (
          <label key={a.key} className="check">
            <input type="checkbox" checked={confirmed.has(a.key)} onChange={(e) => toggle(a.key, e.target.checked)} /> {a.text}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Button appearance="primary" disabled={!allConfirmed} onClick={() => onUse(applyMapping(policy, rows))} data-testid="preset-use">Use this preset</Button>
        <Button appearance="subtle" onClick={onCancel}>Cancel</Button>
        {!allConfirmed && <span className="muted">Confirm every assumption to continue.</span>}
      </div>
    </section>
  );
}

interface TableProps { rows: GoalMapping[]; meta: JiraMetadata; policy: PolicySpec; onChange: (i: number, ids: string[]) => void }

function MappingTable({ rows, meta, policy, onChange }: TableProps) {
  return (
    <>
      <p className="field-help">
        Each goal of the preset applies to the values chosen here. The best guess is filled in: values the preset names, or this project's values shared out by rank.
      </p>
      {missingFields(policy, meta) && <Notice tone="warning">This project has no field the preset uses (such as Severity), so those goals are mapped to priorities instead.</Notice>}
      <table className="goal-table" data-testid="preset-mapping-table">
        <caption className="visually-hidden">Preset goals and the values of this project they apply to</caption>
        <thead><tr><th scope="col">Metric</th><th scope="col">Preset goal</th><th scope="col">Applies to</th></tr></thead>
        <tbody>
          {rows.map((r, i) => {
            const why = whyMatchesNothing(r.kind === 'priority' ? { priorityIds: r.ids } : r.kind === 'issueType' ? { issueTypeIds: r.ids } : { field: { fieldId: r.fieldId ?? '', optionIds: r.ids } }, meta);
            return (
              <tr key={`${r.metric}-${r.goal}`}>
                <td>{policy.metrics[r.metric]?.name}</td>
                <td>{r.name}</td>
                <td>
                  <CheckboxMenu label={`${r.name} applies to`} options={choicesFor(r, meta)} value={r.ids} emptyText="Nothing chosen" onChange={(ids) => onChange(i, ids)} testId={`map-${r.metric}-${r.goal}`} />
                  {why && <span className="badge-error">Matches no issue</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
