/**
 * Who may do what on the emulated site, following the demo's roles the way a service-desk
 * permission scheme does: agents and admins work every issue; customers see and comment only on
 * requests they reported (JSM's portal access), and hold no project-wide permission, so project
 * pages (the settings page) are not theirs; comments are edited or deleted by their author or an
 * admin; the app acts with project-admin rights. An issue security level hides an issue from every
 * role the level does not name, whatever the project grants (Jira's issue-level security); the
 * demo's level names the app, as a site must for an app to keep such issues' SLAs.
 */
import type { Comment, Issue, Project, Role } from './model';
import { ownGet } from './own';
import type { JiraSite } from './site';

export const PERMISSIONS: Readonly<Record<string, { name: string; roles: Role[] }>> = {
  BROWSE_PROJECTS: { name: 'Browse Projects', roles: ['admin', 'agent', 'app'] },
  ADMINISTER_PROJECTS: { name: 'Administer Projects', roles: ['admin', 'app'] },
  EDIT_ISSUES: { name: 'Edit Issues', roles: ['admin', 'agent', 'app'] },
  ADD_COMMENTS: { name: 'Add Comments', roles: ['admin', 'agent', 'app'] },
  TRANSITION_ISSUES: { name: 'Transition Issues', roles: ['admin', 'agent', 'app'] },
  ASSIGN_ISSUES: { name: 'Assign Issues', roles: ['admin', 'agent', 'app'] },
};

/** The site's issue security levels: id -> the roles that may see an issue at that level. */
export const ISSUE_SECURITY_LEVELS: Readonly<Record<string, { name: string; roles: Role[] }>> = {
  '10100': { name: 'Administrators only', roles: ['admin', 'app'] },
};

/** What a customer may do on a request they reported; nothing project-wide. */
const CUSTOMER_ON_OWN_REQUEST = new Set(['BROWSE_PROJECTS', 'ADD_COMMENTS']);

export function knownPermission(key: string): boolean {
  return ownGet(PERMISSIONS, key) !== undefined;
}

export function hasPermission(site: JiraSite, accountId: string, permission: string, project?: Project, issue?: Issue): boolean {
  const user = site.user(accountId);
  const spec = ownGet(PERMISSIONS, permission);
  if (!user || !spec) return false;
  if (issue?.fields.security) {
    const level = ownGet(ISSUE_SECURITY_LEVELS, issue.fields.security);
    if (!level?.roles.includes(user.role)) return false;
  }
  if (user.role === 'customer') return issue !== undefined && issue.fields.reporter === accountId && CUSTOMER_ON_OWN_REQUEST.has(permission);
  if (permission === 'ADMINISTER_PROJECTS' && project?.admins.includes(accountId)) return true;
  return spec.roles.includes(user.role);
}

export function canBrowse(site: JiraSite, accountId: string, issue: Issue): boolean {
  return hasPermission(site, accountId, 'BROWSE_PROJECTS', site.project(issue.projectId), issue);
}

/** Jira's "own comments" and "all comments" permissions: the author, or an admin (or the app). */
export function canChangeComment(site: JiraSite, accountId: string, comment: Comment): boolean {
  const role = site.user(accountId)?.role;
  return comment.authorId === accountId || role === 'admin' || role === 'app';
}
