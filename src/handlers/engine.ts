/**
 * The slice of the pure engine the shell calls, as a port. Production binds it to src/core
 * (coreEngine.ts); tests may bind a smaller fake. Keeping the list here documents exactly what the
 * backend needs from the core.
 */
import type { JiraMetadata, NamedRef, PresetSummary } from '../contract';
import type { CalendarSpec, HolidaySource, Instant, OpenWindow } from '../core/calendar/types';
import type { IssueHistory, SlaSnapshot } from '../core/evaluate/types';
import type { DuePreview } from '../core/evaluate/preview';
import type { CompiledPolicy, PolicyError } from '../core/policy/compiled';
import type { PolicySpec } from '../core/policy/types';

export type { DuePreview };

export interface Engine {
  validatePolicy(spec: unknown): { ok: true; value: CompiledPolicy } | { ok: false; errors: PolicyError[] };
  evaluate(history: IssueHistory, policy: CompiledPolicy, now: Instant): SlaSnapshot;
  previewDue(policy: CompiledPolicy, fields: Record<string, string>, now: Instant): DuePreview[];
  openWindows(policy: CompiledPolicy, calendarId: string, from: Instant, to: Instant): OpenWindow[];
  materializeHolidays(spec: CalendarSpec, fromYear: number, toYear: number): CalendarSpec;
  listHolidayCountries(): NamedRef[];
  listHolidayStates(country: string): NamedRef[];
  listHolidays(source: HolidaySource, year: number): Array<{ date: string; name: string; type: string; start: string; end: string }>;
  presets(): PresetSummary[];
  /** null when the preset id is unknown. */
  instantiatePreset(presetId: string, meta: JiraMetadata): { policy: PolicySpec; unmatched: string[] } | null;
}

export type { CompiledPolicy, PolicyError };
