/**
 * The draft checked in the browser with the core's own validator (its browser entry, no holiday
 * data), so the page and the server agree on what is valid. Holiday sources are the one thing the
 * browser cannot check (the rule data stays on the server): they are set aside here and the server
 * still checks them on save. Messages are rewritten for people (model/explain).
 */
import type { FieldIssue } from '@contract';
import { compileCalendar, type CalendarSpec, makePolicyValidator, type PolicySpec } from '@core/browser';
import { explainIssues } from './explain';

const validate = makePolicyValidator(compileCalendar);

/** Same list positions, so every path still points at the same value in the draft. */
function withoutSources(spec: CalendarSpec): CalendarSpec {
  if (spec.kind === 'weekly') {
    if (!spec.holidays?.sources) return spec;
    return { ...spec, holidays: { ...spec.holidays, sources: [] } };
  }
  if (spec.kind === 'union' || spec.kind === 'intersection') return { ...spec, members: spec.members.map(withoutSources) };
  return spec;
}

export function validateDraft(policy: PolicySpec): FieldIssue[] {
  const calendars = Array.isArray(policy.calendars) ? policy.calendars.map(withoutSources) : policy.calendars;
  const res = validate({ ...policy, calendars });
  if (res.ok) return [];
  return explainIssues(res.error.map(({ path, code, message }) => ({ path, code, message })), policy);
}
