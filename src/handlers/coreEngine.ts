/** The Engine port bound to the real pure core. */
import { listHolidayCountries, listHolidayStates, listHolidays, materializeHolidays, openWindows } from '../core/calendar';
import { evaluate, previewDue } from '../core/evaluate';
import { instantiatePreset, POLICY_PRESETS, validatePolicy } from '../core/policy';
import type { Engine } from './engine';

const MAX_WINDOWS = 200;

export const coreEngine: Engine = {
  validatePolicy,
  evaluate,
  previewDue,
  openWindows(policy, calendarId, from, to) {
    const cal = policy.calendars.get(calendarId);
    if (!cal) return [];
    const out = [];
    for (const w of openWindows(cal, from, to)) {
      out.push(w);
      if (out.length >= MAX_WINDOWS) break;
    }
    return out;
  },
  materializeHolidays,
  listHolidayCountries,
  listHolidayStates,
  listHolidays,
  presets: () => POLICY_PRESETS.map(({ id, name, description }) => ({ id, name, description })),
  instantiatePreset(presetId, meta) {
    if (!POLICY_PRESETS.some((p) => p.id === presetId)) return null;
    return instantiatePreset(presetId, meta);
  },
};
