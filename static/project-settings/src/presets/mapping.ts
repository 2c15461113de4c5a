/**
 * The preset mapping step: a preset speaks of its own levels ("Level 1", "Severity A", "Urgent"),
 * which this site may not have. Each preset goal is mapped to this site's priorities, issue types or
 * field options before the preset reaches the editor, with a best guess filled in, so no goal
 * silently ends up matching nothing.
 *
 * Best guess: a goal the backend bound by name keeps its binding. Goals it could not bind share out
 * by rank the values left between their bound neighbours: presets list goals from most to least
 * urgent, sites list priorities and options from most to least urgent (4 unbound levels over
 * Highest…Lowest: Highest, High, Medium, Low + Lowest; an unbound "Urgent" above a bound "High"
 * gets Highest). Issue types have no rank, so an unbound issue-type goal gets no guess. A preset
 * field this site lacks falls back to priorities, and says so.
 */
import type { JiraMetadata, NamedRef } from '@contract';
import type { GoalMatch, PolicySpec } from '@core/browser';

export type MatchKind = 'priority' | 'issueType' | 'field';

export interface GoalMapping {
  metric: number;
  goal: number;
  /** The preset's name for the goal ("Level 1"). */
  name: string;
  kind: MatchKind;
  fieldId: string | null;
  ids: string[];
}

/** The backend's placeholder for a preset field with no match on the site. */
const UNMATCHED_FIELD = 'unmatched-field';

export function kindOf(match: GoalMatch): MatchKind | null {
  if (match.field) return 'field';
  if (match.priorityIds) return 'priority';
  if (match.issueTypeIds) return 'issueType';
  return null;
}

export function choicesFor(m: Pick<GoalMapping, 'kind' | 'fieldId'>, meta: JiraMetadata): readonly NamedRef[] {
  if (m.kind === 'priority') return meta.priorities;
  if (m.kind === 'issueType') return meta.issueTypes;
  return meta.selectFields.find((f) => f.id === m.fieldId)?.options ?? [];
}

function idsOf(match: GoalMatch): string[] {
  return match.field?.optionIds ?? match.priorityIds ?? match.issueTypeIds ?? [];
}

/**
 * Rank share of goal `i` of `n` over `list`. With more goals than values, the most urgent goals take
 * one value each and the rest get none (labelled "matches no issue"), rather than silently sharing a
 * value the goal above them already claims (first match wins, so they would never apply).
 */
export function share<T>(list: readonly T[], i: number, n: number): T[] {
  if (n > list.length) return i < list.length ? list.slice(i, i + 1) : [];
  return list.slice(Math.floor((i * list.length) / n), Math.floor(((i + 1) * list.length) / n));
}

/** Fills each run of unbound rows with the values between the bound rows around it, shared by rank. */
function guessGaps(rows: GoalMapping[], choices: readonly NamedRef[]): void {
  const index = (id: string) => choices.findIndex((c) => c.id === id);
  let i = 0;
  while (i < rows.length) {
    if ((rows[i] as GoalMapping).ids.length > 0) { i += 1; continue; }
    let j = i;
    while (j < rows.length && (rows[j] as GoalMapping).ids.length === 0) j += 1;
    const lo = i > 0 ? Math.max(-1, ...(rows[i - 1] as GoalMapping).ids.map(index)) + 1 : 0;
    const hi = j < rows.length ? Math.min(choices.length, ...(rows[j] as GoalMapping).ids.map(index).filter((k) => k >= 0)) : choices.length;
    const gap = choices.slice(lo, Math.max(lo, hi));
    rows.slice(i, j).forEach((r, k) => { r.ids = share(gap, k, j - i).map((c) => c.id); });
    i = j;
  }
}

/** Every goal with a criterion, as a mapping row with the backend's binding or a best guess. */
export function proposeMapping(policy: PolicySpec, meta: JiraMetadata): GoalMapping[] {
  const rows: GoalMapping[] = [];
  policy.metrics.forEach((metric, mi) => {
    const own = metric.goals.flatMap((g, gi) => {
      const kind = kindOf(g.match);
      if (!kind) return [];
      const fieldId = g.match.field?.fieldId ?? null;
      const missingField = kind === 'field' && (fieldId === UNMATCHED_FIELD || !meta.selectFields.some((f) => f.id === fieldId));
      return [{ metric: mi, goal: gi, name: g.name, kind: missingField ? 'priority' as const : kind, fieldId: missingField ? null : fieldId, ids: missingField ? [] : idsOf(g.match) }];
    });
    for (const kind of ['priority', 'field'] as const) {
      const same = own.filter((r) => r.kind === kind);
      for (const fieldId of new Set(same.map((r) => r.fieldId))) guessGaps(same.filter((r) => r.fieldId === fieldId), choicesFor({ kind, fieldId }, meta));
    }
    rows.push(...own);
  });
  return rows;
}

/** Preset fields this site does not have, named for the admin ("Severity"). */
export function missingFields(policy: PolicySpec, meta: JiraMetadata): boolean {
  return policy.metrics.some((m) => m.goals.some((g) => g.match.field && !meta.selectFields.some((f) => f.id === g.match.field?.fieldId)));
}

function matchFor(m: GoalMapping, old: GoalMatch): GoalMatch {
  const { priorityIds: _p, issueTypeIds: _i, field: _f, ...rest } = old;
  if (m.kind === 'priority') return { ...rest, priorityIds: m.ids };
  if (m.kind === 'issueType') return { ...rest, issueTypeIds: m.ids };
  return { ...rest, field: { fieldId: m.fieldId ?? UNMATCHED_FIELD, optionIds: m.ids } };
}

/** The preset's policy with every mapped goal bound to the chosen values. */
export function applyMapping(policy: PolicySpec, rows: readonly GoalMapping[]): PolicySpec {
  const metrics = policy.metrics.map((metric, mi) => ({
    ...metric,
    goals: metric.goals.map((g, gi) => {
      const row = rows.find((r) => r.metric === mi && r.goal === gi);
      return row ? { ...g, match: matchFor(row, g.match) } : g;
    }),
  }));
  return { ...policy, metrics };
}

/**
 * Why a goal can match no issue on this site, or null: an any-of list left empty, or values that no
 * longer exist here. Without metadata (not loaded, or refused) only empty lists are judged.
 */
export function whyMatchesNothing(match: GoalMatch, meta: JiraMetadata): string | null {
  const gone = (ids: readonly string[], refs: readonly NamedRef[]) => refs.length > 0 && ids.every((id) => !refs.some((r) => r.id === id));
  if (match.priorityIds && (match.priorityIds.length === 0 || gone(match.priorityIds, meta.priorities))) return 'no priority of this site is chosen';
  if (match.issueTypeIds && (match.issueTypeIds.length === 0 || gone(match.issueTypeIds, meta.issueTypes))) return 'no issue type of this site is chosen';
  if (match.field) {
    const field = meta.selectFields.find((f) => f.id === match.field?.fieldId);
    if (match.field.optionIds.length === 0) return 'no field value is chosen';
    if (match.field.fieldId === UNMATCHED_FIELD || (meta.selectFields.length > 0 && !field)) return 'its field does not exist on this site';
    if (field && gone(match.field.optionIds, field.options)) return 'none of its field values exists on this site';
  }
  return null;
}

/** Metrics none of whose goals can match an issue: saving them stops these clocks for every issue. */
export function metricsMatchingNothing(policy: PolicySpec, meta: JiraMetadata): string[] {
  return policy.metrics.filter((m) => m.goals.length > 0 && m.goals.every((g) => whyMatchesNothing(g.match, meta) !== null)).map((m) => m.name);
}
