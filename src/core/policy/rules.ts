/** Semantic rules of a structurally valid policy, each with its own stable code and a precise path. */
import type { Condition } from './types';
import type { PolicyError } from './compiled';
import type { ParsedGoal, ParsedMetric } from './schema';
import { conditionKey, isStateCondition } from './conditions';

const METRIC_KEY = /^[a-z][a-zA-Z0-9]{0,23}$/;
const MAX_MINUTES = 10 * 366 * 24 * 60;
const MAX_DAYS = 3660;

type Emit = (code: PolicyError['code'], path: string, message: string) => void;

export function checkMetrics(metrics: readonly ParsedMetric[], calendarIds: ReadonlySet<string>, emit: Emit): void {
  if (metrics.length === 0) emit('POL_NO_METRICS', 'metrics', 'A policy needs at least one metric.');
  const seen = new Set<string>();
  metrics.forEach((m, i) => {
    const at = `metrics[${i}]`;
    if (!METRIC_KEY.test(m.key)) emit('POL_BAD_METRIC_KEY', `${at}.key`, 'A metric key is a letter followed by up to 23 letters or digits, e.g. "response".');
    else if (seen.has(m.key)) emit('POL_DUPLICATE_METRIC', `${at}.key`, `Another metric already uses the key "${m.key}".`);
    seen.add(m.key);
    checkShape(m, at, emit);
    checkConditions(m, at, emit);
    checkGoals(m.goals, `${at}.goals`, calendarIds, emit);
    checkWarnings(m, at, emit);
    checkActions(m, at, emit);
  });
}

function checkShape(m: ParsedMetric, at: string, emit: Emit): void {
  if (m.start.length === 0 && m.stop.length === 0 && m.goals.length === 0) {
    emit('POL_EMPTY_METRIC', at, 'This metric has no start, stop or goal: fill it in or remove it.');
    return;
  }
  if (m.start.length === 0) emit('POL_NO_START', `${at}.start`, 'Add at least one condition that starts the clock.');
  if (m.stop.length === 0) emit('POL_NO_STOP', `${at}.stop`, 'Add at least one condition that stops the clock.');
  if (m.goals.length === 0) emit('POL_NO_GOALS', `${at}.goals`, 'Add at least one goal (a catch-all goal has an empty match).');
}

function checkConditions(m: ParsedMetric, at: string, emit: Emit): void {
  const lists = { start: m.start, pause: m.pause, stop: m.stop } as const;
  for (const [name, list] of Object.entries(lists)) {
    list.forEach((c: Condition, k) => {
      if ('statusIds' in c && c.statusIds.length === 0) emit('POL_BAD_CONDITION', `${at}.${name}[${k}].statusIds`, 'Pick at least one status.');
      if ('categories' in c && c.categories.length === 0) emit('POL_BAD_CONDITION', `${at}.${name}[${k}].categories`, 'Pick at least one status category.');
    });
  }
  m.pause.forEach((c, k) => {
    if (!isStateCondition(c)) emit('POL_BAD_CONDITION', `${at}.pause[${k}]`, 'A pause condition must describe a state (a status, a category, a resolution or an assignee), not a single moment.');
  });
  if (m.mode === 'recurring' && m.start.length > 0 && !m.start.some(isStateCondition)) {
    emit('POL_BAD_CONDITION', `${at}.start`, 'A recurring metric needs a start condition that describes a state (e.g. in category In Progress) so the cadence knows when to end.');
  }
  checkConflicts(m, at, emit);
}

/** The same condition both starting and stopping (or pausing and stopping) a clock can never behave sensibly. */
function checkConflicts(m: ParsedMetric, at: string, emit: Emit): void {
  const stops = new Set(m.stop.map(conditionKey));
  const report = (list: 'start' | 'pause') => (c: Condition, k: number) => {
    if (stops.has(conditionKey(c))) emit('POL_CONFLICTING_CONDITIONS', `${at}.${list}[${k}]`, `The same condition also stops this metric.`);
  };
  m.start.forEach(report('start'));
  m.pause.forEach(report('pause'));
}

function checkGoals(goals: readonly ParsedGoal[], at: string, calendarIds: ReadonlySet<string>, emit: Emit): void {
  const seen = new Set<string>();
  goals.forEach((g, j) => {
    const path = `${at}[${j}]`;
    if (seen.has(g.id)) emit('POL_DUPLICATE_GOAL', `${path}.id`, `Another goal of this metric already uses the id "${g.id}".`);
    seen.add(g.id);
    checkTarget(g, path, emit);
    const unknown = (p: string, id: string) => {
      if (!calendarIds.has(id)) emit('POL_UNKNOWN_CALENDAR', `${path}.calendar.${p}`, `No calendar with id "${id}" in this policy.`);
    };
    if (g.calendar.kind === 'fixed') unknown('calendarId', g.calendar.calendarId);
    else {
      unknown('fallbackCalendarId', g.calendar.fallbackCalendarId);
      for (const [value, id] of Object.entries(g.calendar.map)) unknown(`map.${value}`, id);
    }
  });
}

function checkTarget(g: ParsedGoal, path: string, emit: Emit): void {
  const t = g.target;
  if (t === undefined) {
    emit('POL_GOAL_WITHOUT_TARGET', `${path}.target`, 'Give this goal a target, or mark it "track only".');
  } else if (t.kind === 'minutes' && !(Number.isFinite(t.minutes) && t.minutes > 0 && t.minutes <= MAX_MINUTES)) {
    emit('POL_BAD_TARGET', `${path}.target.minutes`, 'A target in minutes must be more than 0 and at most 10 years.');
  } else if (t.kind === 'businessDays' && !(Number.isInteger(t.days) && t.days > 0 && t.days <= MAX_DAYS)) {
    emit('POL_BAD_TARGET', `${path}.target.days`, 'A target in business days must be a whole number from 1 to 3660.');
  }
}

function checkWarnings(m: ParsedMetric, at: string, emit: Emit): void {
  (m.warnings ?? []).forEach((w, k) => {
    const ok = w.kind === 'percent' ? w.percent > 0 && w.percent < 100 : Number.isFinite(w.minutes) && w.minutes > 0;
    if (!ok) {
      const message = w.kind === 'percent' ? 'A warning percentage must be between 0 and 100 (exclusive).' : 'Minutes before breach must be more than 0.';
      emit('POL_BAD_WARNING', `${at}.warnings[${k}]`, message);
    }
  });
}

/**
 * Jira Cloud refuses a comment body over 32,767 characters and a label over 255 at the moment the
 * action fires, when nobody is there to fix it: refuse them at save instead. The notification subject
 * is capped like a label (it becomes an e-mail subject line).
 */
export const ACTION_LIMITS = { commentBody: 32_767, label: 255, notifySubject: 255 } as const;

function checkActionLimits(a: NonNullable<ParsedMetric['breachActions']>[number], path: string, emit: Emit): void {
  const tooLong = (field: string, length: number, max: number) =>
    length > max && emit('POL_ACTION_TOO_LONG', `${path}.${field}`, `At most ${max} characters (Jira's limit); this one has ${length}.`);
  if (a.kind === 'comment') tooLong('body', a.body.length, ACTION_LIMITS.commentBody);
  if (a.kind === 'label') tooLong('label', a.label.length, ACTION_LIMITS.label);
  if (a.kind === 'notify') tooLong('subject', a.subject.length, ACTION_LIMITS.notifySubject);
}

function checkActions(m: ParsedMetric, at: string, emit: Emit): void {
  const lists = { warningActions: m.warningActions ?? [], breachActions: m.breachActions ?? [] };
  for (const [name, list] of Object.entries(lists)) {
    list.forEach((a, k) => {
      const path = `${at}.${name}[${k}]`;
      if (a.kind === 'comment' && a.body.trim() === '') emit('POL_BAD_ACTION', `${path}.body`, 'A comment action needs a text.');
      if (a.kind === 'label' && !/^\S+$/.test(a.label)) emit('POL_BAD_ACTION', `${path}.label`, 'A label is one word without spaces.');
      if (a.kind === 'notify' && a.to.length === 0) emit('POL_BAD_ACTION', `${path}.to`, 'Choose who to notify.');
      if (a.kind === 'notify' && a.subject.trim() === '') emit('POL_BAD_ACTION', `${path}.subject`, 'A notification needs a subject.');
      checkActionLimits(a, path, emit);
    });
  }
}
