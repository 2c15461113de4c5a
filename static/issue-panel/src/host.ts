/**
 * Everything the panel asks of the Jira host, behind plain functions: the issue context, issue
 * change events and navigation to the settings page. Failures are values, never thrown.
 */
import { events, router, view } from '@forge/bridge';
import { isRecord } from '@core/browser';

export interface PanelContext {
  issueId: string | null;
  projectKey: string | null;
  timeZone: string | null;
  raw: unknown;
}

/** Module key of the project settings page in manifest.yml. */
export const SETTINGS_MODULE_KEY = 'sla-settings';

export function parseContext(raw: unknown): PanelContext {
  const ctx = isRecord(raw) ? raw : {};
  const ext = isRecord(ctx.extension) ? ctx.extension : {};
  const issue = isRecord(ext.issue) ? ext.issue : {};
  const project = isRecord(ext.project) ? ext.project : {};
  return {
    issueId: idOf(issue.id),
    projectKey: typeof project.key === 'string' ? project.key : null,
    timeZone: typeof ctx.timezone === 'string' ? ctx.timezone : null,
    raw,
  };
}

export async function loadContext(): Promise<PanelContext> {
  try {
    return parseContext(await view.getContext());
  } catch {
    return parseContext(null);
  }
}

/** Subscribes to Jira's issue-changed event for this issue; returns an unsubscribe function. */
export function onIssueChanged(issueId: string, callback: () => void): () => void {
  let unsubscribe: (() => void) | null = null;
  let cancelled = false;
  const handler = (payload?: unknown) => {
    const changed = isRecord(payload) ? idOf(payload.issueId) : null;
    if (changed === null || changed === issueId) callback();
  };
  events.on('JIRA_ISSUE_CHANGED', handler).then(
    (sub) => (cancelled ? sub.unsubscribe() : (unsubscribe = () => sub.unsubscribe())),
    () => undefined, // hosts without the event still refresh on focus and on a timer
  );
  return () => {
    cancelled = true;
    unsubscribe?.();
  };
}

/** Opens the app's project settings page; falls back to Jira's project settings. */
export async function openSettings(projectKey: string | null): Promise<boolean> {
  if (!projectKey) return false;
  try {
    await router.open({ target: 'module', moduleKey: SETTINGS_MODULE_KEY, projectKey });
    return true;
  } catch {
    try {
      await router.open({ target: 'projectSettingsDetails', projectKey });
      return true;
    } catch {
      return false;
    }
  }
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}
