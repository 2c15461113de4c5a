/**
 * Server-side authorisation, as the calling user, failing closed. Jira permission look-ups are
 * expensive under the points-based rate limits, so answers are cached for 60 s per account and
 * project (or issue) in the warm runtime; errors are never cached and always deny.
 */
import { failure, jiraFailure } from '../../app/answer';
import type { Deps } from '../../app/deps';
import type { Failure } from '../../contract';
import { err, ok, type Result } from '../../core';
import type { JiraError, JiraResult } from '../../jira/http';
import type { CallerContext } from './envelope';

const TTL_MS = 60_000;

export class PermissionCache {
  private readonly entries = new Map<string, { at: number; perms: Record<string, boolean> }>();
  constructor(private readonly now: () => number) {}

  get(key: string): Record<string, boolean> | undefined {
    const hit = this.entries.get(key);
    if (!hit || this.now() - hit.at > TTL_MS) return undefined;
    return hit.perms;
  }

  put(key: string, perms: Record<string, boolean>): void {
    this.entries.set(key, { at: this.now(), perms });
  }
}

type Scope = { projectId: string } | { issueId: string };

async function permissionsOf(deps: Deps, cache: PermissionCache, caller: CallerContext, scope: Scope, perms: string[]) {
  const key = `${caller.accountId}|${JSON.stringify(scope)}|${perms.join(',')}`;
  const cached = cache.get(key);
  if (cached) return ok(cached);
  const res = await askJira(deps, caller, scope, perms);
  if (res.ok) cache.put(key, res.value);
  return res;
}

/** A permission check that throws (transport, platform) is a failed check: it denies, like any other. */
async function askJira(deps: Deps, caller: CallerContext, scope: Scope, perms: string[]): Promise<JiraResult<Record<string, boolean>>> {
  try {
    return await deps.userJira(caller.accountId).myPermissions(scope, perms);
  } catch (e) {
    deps.log.warn('Permission check threw; denying', { error: e instanceof Error ? e.message : String(e) });
    return err({ code: 'BAD_RESPONSE', status: 0, message: 'The permission check threw.' });
  }
}

/** What the caller may do where they are: the project the call is about, and whether they may edit it. */
export interface Grant {
  canEdit: boolean;
  projectId: string;
}

export type Access = Result<Grant, Failure>;

const denied = (message: string): Access => err(failure('FORBIDDEN', message));

/**
 * A check Jira could not answer (5xx, or 429 past the budget) is not a refusal: the caller gets
 * JIRA_UNAVAILABLE or RATE_LIMITED and may retry. Anything else that fails the check denies.
 */
const jiraDown = (e: JiraError): Failure | null => (e.code === 'RATE_LIMITED' || e.code === 'UNAVAILABLE' ? jiraFailure(e) : null);

/** ADMINISTER_PROJECTS edits; BROWSE_PROJECTS alone reads (only when `allowRead`). */
export async function projectAccess(deps: Deps, cache: PermissionCache, caller: CallerContext, allowRead: boolean): Promise<Access> {
  if (!caller.projectId) return denied('This call must come from a project page.');
  const res = await permissionsOf(deps, cache, caller, { projectId: caller.projectId }, ['ADMINISTER_PROJECTS', 'BROWSE_PROJECTS']);
  if (!res.ok) {
    const down = jiraDown(res.error);
    return down ? err(down) : denied('Could not confirm your project permissions.');
  }
  if (res.value.ADMINISTER_PROJECTS) return ok({ canEdit: true, projectId: caller.projectId });
  if (allowRead && res.value.BROWSE_PROJECTS) return ok({ canEdit: false, projectId: caller.projectId });
  return denied('You need the Administer projects permission for this project.');
}

/** The caller can see the issue: BROWSE_PROJECTS on it, asked as the caller. Read-only. */
export async function issueAccess(deps: Deps, cache: PermissionCache, caller: CallerContext, issueId: string): Promise<Access> {
  if (!caller.issueId || caller.issueId !== issueId) return denied('The requested issue is not the issue this panel is showing.');
  const res = await permissionsOf(deps, cache, caller, { issueId }, ['BROWSE_PROJECTS']);
  if (!res.ok) {
    const down = jiraDown(res.error);
    return down ? err(down) : denied('Could not confirm you can see this issue.');
  }
  return res.value.BROWSE_PROJECTS ? ok({ canEdit: false, projectId: caller.projectId ?? '' }) : denied('You cannot browse this issue.');
}
