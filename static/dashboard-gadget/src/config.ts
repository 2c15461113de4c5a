/**
 * The gadget's configuration, as Jira stores it for each gadget on a dashboard: the edit view saves
 * it with `view.submit(...)`, and the host hands it back in the context as
 * `extension.gadgetConfiguration` (with `extension.entryPoint === 'edit'` in the edit view).
 */
import { viewerTimeZone } from '../../shared/format';

export interface GadgetConfig {
  projectId: string;
  metricKey: string;
  dueWithinHours: number;
}

export interface GadgetContext {
  editing: boolean;
  config: GadgetConfig | null;
  timeZone: string;
  siteUrl: string;
  /** The viewer's Jira locale as a BCP 47 tag, for month names. */
  locale: string;
}

export const DEFAULT_HOURS = 8;
/** Minutes between the host's own refreshes (passed as `refresh` to view.submit). */
export const HOST_REFRESH_MINUTES = 15;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored configuration, or null when it is missing or malformed (the gadget then asks to be configured). */
export function parseConfig(raw: unknown): GadgetConfig | null {
  if (!isRecord(raw)) return null;
  const hours = Number(raw.dueWithinHours);
  if (typeof raw.projectId !== 'string' || !/^\d+$/.test(raw.projectId) || typeof raw.metricKey !== 'string' || raw.metricKey === '') return null;
  return { projectId: raw.projectId, metricKey: raw.metricKey, dueWithinHours: Number.isInteger(hours) && hours >= 1 && hours <= 168 ? hours : DEFAULT_HOURS };
}

export function parseGadgetContext(raw: unknown): GadgetContext {
  const ctx = isRecord(raw) ? raw : {};
  const ext = isRecord(ctx.extension) ? ctx.extension : {};
  return {
    editing: ext.entryPoint === 'edit',
    config: parseConfig(ext.gadgetConfiguration),
    timeZone: viewerTimeZone(typeof ctx.timezone === 'string' ? ctx.timezone : null),
    siteUrl: typeof ctx.siteUrl === 'string' ? ctx.siteUrl.replace(/\/$/, '') : '',
    locale: viewerLocale(ctx.locale),
  };
}

/** Jira hands the locale as "en_US"; Intl wants "en-US". Anything Intl does not accept falls back to the browser's. */
export function viewerLocale(raw: unknown): string {
  const fallback = typeof navigator === 'undefined' ? 'en' : navigator.language;
  if (typeof raw !== 'string' || raw === '') return fallback;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(raw.replace(/_/g, '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

export { monthLabel } from '../../shared/format';
