/** What the report page takes from the host context: the project and the viewer's zone. */
import { viewerTimeZone } from '../../shared/format';

export interface PageContext {
  projectKey: string | null;
  timeZone: string;
  /** Jira's base URL, for issue and navigator links; '' when unknown (relative links). */
  siteUrl: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function parseContext(raw: unknown): PageContext {
  const ctx = isRecord(raw) ? raw : {};
  const ext = isRecord(ctx.extension) ? ctx.extension : {};
  const project = isRecord(ext.project) ? ext.project : {};
  return {
    projectKey: typeof project.key === 'string' ? project.key : null,
    timeZone: viewerTimeZone(typeof ctx.timezone === 'string' ? ctx.timezone : null),
    siteUrl: typeof ctx.siteUrl === 'string' ? ctx.siteUrl.replace(/\/$/, '') : '',
  };
}

/** "YYYY-MM" of an instant in a zone. */
export function monthIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone }).formatToParts(at);
  const y = parts.find((p) => p.type === 'year')?.value ?? '1970';
  const m = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${y}-${m}`;
}

/** The month `delta` months after "YYYY-MM". */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = (y ?? 1970) * 12 + ((m ?? 1) - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
