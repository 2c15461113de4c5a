/** One policy preset per seed SLA document: data an admin applies to a project, then edits. */
import type { Condition, Goal, MetricSpec, PolicySpec, SiteMetadata } from '../types';
import { MetadataMatcher } from './match';
import { businessDays, calendars, goal, hours, inStatus, responseMetric, withHolidays } from './build';

export interface PolicyPreset {
  id: string;
  name: string;
  description: string;
  build(meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] };
}

function policy(name: string, calendarIds: string[], metrics: MetricSpec[]): PolicySpec {
  return { schemaVersion: 1, name, metrics, calendars: calendars(calendarIds) };
}

function atlassianPriority(meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] } {
  const m = new MetadataMatcher(meta);
  const goals = [
    goal('l1', 'L1 Production down', { priorityIds: m.priorities(['L1', 'Highest']) }, hours(1), '24x7'),
    goal('l2', 'L2 Serious degradation', { priorityIds: m.priorities(['L2', 'High']) }, hours(2), 'follow-the-sun-24x5'),
    goal('l3', 'L3 Moderate impact', { priorityIds: m.priorities(['L3', 'Medium']) }, businessDays(1), 'cet-9-17'),
    goal('l4', 'L4 Limited impact', { priorityIds: m.priorities(['L4', 'Low', 'Lowest']) }, businessDays(2), 'cet-9-17'),
  ];
  const spec = policy('Priority support (L1–L4)', ['24x7', 'follow-the-sun-24x5', 'cet-9-17'], [responseMetric(goals)]);
  return { policy: spec, unmatched: m.unmatched };
}

/**
 * The iDalko policy says "excluding public holidays" without naming a region; the vendor is based in
 * Belgium, so its calendars close on Belgian public holidays (the settings page shows this as an
 * assumption to confirm when the preset is applied).
 */
function idalko(premium: boolean) {
  return (meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] } => {
    const m = new MetadataMatcher(meta);
    const calendarId = premium ? 'cet-extended-7-19' : 'cet-9-17';
    const severity = m.selectField(['Severity']);
    const ab = { field: { fieldId: severity.fieldId, optionIds: [...severity.options(['Severity A', 'A']), ...severity.options(['Severity B', 'B'])] } };
    const cd = { field: { fieldId: severity.fieldId, optionIds: [...severity.options(['Severity C', 'C']), ...severity.options(['Severity D', 'D'])] } };
    const pair = (fast: number, slow: number): Goal[] => [
      goal('ab', 'Severity A and B', ab, hours(fast), calendarId),
      goal('cd', 'Severity C and D', cd, hours(slow), calendarId),
    ];
    const pause = inStatus(m.statuses(['Waiting for customer']));
    const inProgress = m.statuses(['In Progress']);
    const workStarted: Condition = inProgress.length > 0 ? { kind: 'statusEntered', statusIds: inProgress } : { kind: 'statusCategoryEntered', categories: ['indeterminate'] };
    // Severity is fixed when the incident is logged (seed: "determined when the incident is formally logged").
    const fixed = { pause, onGoalChange: 'keepOriginal' as const };
    const metrics: MetricSpec[] = [
      responseMetric(premium ? pair(2, 4) : pair(4, 8), fixed),
      { ...responseMetric(premium ? pair(4, 8) : pair(8, 16), fixed), key: 'intervention', name: 'Time to intervention', stop: [workStarted, { kind: 'resolutionSet' }], breachActions: [{ kind: 'label', label: 'sla-intervention-breached' }] },
    ];
    if (premium) metrics.push(updateCadence(calendarId, pause));
    const name = premium ? 'Second-level helpdesk, Premium' : 'Second-level helpdesk, Standard';
    const spec = policy(name, [calendarId], metrics);
    return { policy: { ...spec, calendars: spec.calendars.map((c) => withHolidays(c, { country: 'BE' })) }, unmatched: m.unmatched };
  };
}

/** Every 2 hours while work is in progress: each public agent comment starts the next interval. */
function updateCadence(calendarId: string, pause: Condition[]): MetricSpec {
  return {
    key: 'update', name: 'Status update every 2 hours', mode: 'recurring',
    start: [{ kind: 'inStatusCategory', categories: ['indeterminate'] }], pause, stop: [{ kind: 'commentByAgent' }],
    goals: [goal('all', 'Every 2 hours', {}, hours(2), calendarId)], onGoalChange: 'keepElapsed',
    warnings: [{ kind: 'beforeBreach', minutes: 15 }], breachActions: [{ kind: 'label', label: 'sla-update-overdue' }],
  };
}

function fourTier(meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] } {
  const m = new MetadataMatcher(meta);
  const goals = [
    // Feature requests are Low whatever priority they carry, so their goal comes first.
    goal('feature', 'Low (feature request)', { issueTypeIds: m.issueTypes(['Feature Request', 'Feature', 'New Feature']) }, hours(24), 'london-8-22'),
    goal('urgent', 'Urgent', { priorityIds: m.priorities(['Urgent']) }, hours(1), '24x7'),
    goal('high', 'High', { priorityIds: m.priorities(['High']) }, hours(4), 'london-8-22'),
    goal('medium', 'Medium', { priorityIds: m.priorities(['Medium']) }, hours(8), 'london-8-22'),
    goal('low', 'Low', { priorityIds: m.priorities(['Low']) }, hours(24), 'london-8-22'),
  ];
  return { policy: policy('Four-tier priority support', ['24x7', 'london-8-22'], [responseMetric(goals)]), unmatched: m.unmatched };
}

function communardo(meta: SiteMetadata): { policy: PolicySpec; unmatched: string[] } {
  const m = new MetadataMatcher(meta);
  const goals = [1, 4, 8, 24].map((h, i) => goal(`level${i + 1}`, `Level ${i + 1}`, { priorityIds: m.priorities([`Level ${i + 1}`]) }, hours(h), 'saxony-9-17'));
  return { policy: policy('Product support, Level 1–4', ['saxony-9-17'], [responseMetric(goals)]), unmatched: m.unmatched };
}

function deiser(): { policy: PolicySpec; unmatched: string[] } {
  const goals = [goal('all', 'All requests', {}, businessDays(1), 'madrid-deiser')];
  return { policy: policy('Support within 1 business day', ['madrid-deiser'], [responseMetric(goals)]), unmatched: [] };
}

export const POLICY_PRESETS: readonly PolicyPreset[] = [
  { id: 'atlassian-priority', name: 'Priority support L1–L4', description: 'L1 1 h around the clock, L2 2 h follow-the-sun 24x5, L3 1 business day, L4 2 business days.', build: atlassianPriority },
  { id: 'idalko-standard', name: 'Helpdesk Standard (Severity A–D)', description: 'Response 4/8 h and intervention 8/16 h on business hours Mon–Fri 9–17 CET, closed on Belgian public holidays; paused while waiting for the customer.', build: idalko(false) },
  { id: 'idalko-premium', name: 'Helpdesk Premium (Severity A–D)', description: 'Response 2/4 h, intervention 4/8 h and a status update every 2 hours, 7 days 7–19 CET, closed on Belgian public holidays.', build: idalko(true) },
  { id: 'four-tier', name: 'Four-tier priorities', description: 'Urgent 1 h around the clock; High 4 h, Medium 8 h, Low 24 h on London 8–22, closed on England’s bank holidays; feature requests are Low.', build: fourTier },
  { id: 'communardo', name: 'Level 1–4 on Saxon business hours', description: 'First response in 1/4/8/24 h, Mon–Fri 9–17 Berlin, closed on German and Saxon holidays.', build: communardo },
  { id: 'deiser', name: 'Within 1 business day (Madrid)', description: 'First response within 1 business day on the Madrid calendar with Spanish holidays.', build: deiser },
];
