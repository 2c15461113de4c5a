/** The sections of the settings page, and which one renders the field a backend path points at. */
export type TabId = 'calendars' | 'metrics' | 'goals' | 'warnings' | 'presets' | 'preview' | 'whatif';

export function tabOfPath(path: string): TabId {
  if (path.startsWith('calendars')) return 'calendars';
  if (/^metrics\[\d+\]\.goals/.test(path)) return 'goals';
  if (/^metrics\[\d+\]\.(warnings|warningActions|breachActions)/.test(path)) return 'warnings';
  return 'metrics';
}
