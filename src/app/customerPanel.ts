/**
 * The panel as a customer sees it: per metric with a goal, what was promised (respond, update,
 * resolve), whether it is on track, on hold, met or late, and when it falls due. Built field by field
 * from the evaluation, so goal, calendar, status and metric names, pause reasons, thresholds and
 * action failures cannot reach a customer. A project can switch the view off: customers then get
 * NOT_SHOWN and the panel shows nothing.
 */
import type { CustomerPanelData, CustomerPromise, CustomerPromiseKind, CustomerPromiseState } from '../contract';
import { err, ok, type MetricSnapshot, type MetricSpec } from '../core';
import { showsCustomers } from '../store/customerView';
import { failure, type Answer } from './answer';
import type { Deps } from './deps';
import { evaluateForPanel } from './panel';

const notShown = err(failure('NOT_SHOWN', 'This project does not show its SLAs to customers.'));

/** What the metric promises, from how its clock stops: on an agent's reply it is a response. */
export function promiseKind(spec: MetricSpec | undefined): CustomerPromiseKind {
  if (!spec?.stop.some((c) => c.kind === 'commentByAgent')) return 'resolve';
  return spec.mode === 'recurring' ? 'update' : 'respond';
}

const STATES: Partial<Record<MetricSnapshot['state'], CustomerPromiseState>> = {
  running: 'onTrack',
  paused: 'onHold',
  met: 'met',
  breachedRunning: 'late',
  breachedCompleted: 'late',
};

/** A promise for a metric that has a goal and a clock; null for one that promises nothing. */
export function toPromise(metric: MetricSnapshot, spec: MetricSpec | undefined): CustomerPromise | null {
  const state = STATES[metric.state];
  const cycle = metric.current;
  if (!state || !cycle || cycle.goalMs === null) return null;
  const dueAt = state === 'onTrack' || state === 'late' ? cycle.dueAt : null;
  const at = state === 'met' ? cycle.stoppedAt : state === 'late' ? cycle.breachedAt : null;
  return { kind: promiseKind(spec), state, dueAt, at };
}

export async function customerPanelSla(deps: Deps, issueId: string, contextProjectId: string | null): Promise<Answer<CustomerPanelData>> {
  const evaluated = await evaluateForPanel(deps, issueId, contextProjectId);
  if (!evaluated.ok) return evaluated;
  const { projectId, now, spec, snapshot } = evaluated.value;
  if (!(await showsCustomers(projectId))) return notShown;
  const specs = new Map((spec?.metrics ?? []).map((m) => [m.key, m]));
  const promises = (snapshot?.metrics ?? []).flatMap((m) => toPromise(m, specs.get(m.key)) ?? []);
  return ok({ view: 'customer', promises, serverNow: now });
}
