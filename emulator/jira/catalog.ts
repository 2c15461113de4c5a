/**
 * The emulated site's fixed catalogue: users, workflow statuses, priorities, issue types and the
 * Severity select field. Ids follow Jira's conventions (priorities 1–5, statuses and custom field
 * options in the 10000 range) so answers look like a real service-desk site.
 */
import { SEVERITY_FIELD_ID, type SiteData } from './model';

export const USERS = {
  admin: 'acc-admin-alex',
  agentAna: 'acc-agent-ana',
  agentBen: 'acc-agent-ben',
  customerCarla: 'acc-customer-carla',
  customerDan: 'acc-customer-dan',
  app: 'acc-app-sla-clock',
} as const;

export const STATUS = {
  waitingForSupport: '10001',
  inProgress: '10002',
  waitingForCustomer: '10003',
  escalated: '10004',
  resolved: '10005',
  closed: '10006',
} as const;

export function emptySite(): SiteData {
  return {
    users: [
      { accountId: USERS.admin, displayName: 'Alex Admin', emailAddress: 'alex@example.com', accountType: 'atlassian', timeZone: 'Europe/Madrid', role: 'admin' },
      { accountId: USERS.agentAna, displayName: 'Ana Agent', emailAddress: 'ana@example.com', accountType: 'atlassian', timeZone: 'Europe/Madrid', role: 'agent' },
      { accountId: USERS.agentBen, displayName: 'Ben Agent', emailAddress: 'ben@example.com', accountType: 'atlassian', timeZone: 'America/New_York', role: 'agent' },
      { accountId: USERS.customerCarla, displayName: 'Carla Customer', emailAddress: 'carla@example.org', accountType: 'customer', timeZone: 'Europe/London', role: 'customer' },
      { accountId: USERS.customerDan, displayName: 'Dan Customer', emailAddress: 'dan@example.org', accountType: 'customer', timeZone: 'Australia/Sydney', role: 'customer' },
      { accountId: USERS.app, displayName: 'SLA Clock', emailAddress: '', accountType: 'app', timeZone: 'UTC', role: 'app' },
    ],
    projects: [],
    statuses: [
      { id: STATUS.waitingForSupport, name: 'Waiting for support', category: 'new' },
      { id: STATUS.inProgress, name: 'In Progress', category: 'indeterminate' },
      { id: STATUS.waitingForCustomer, name: 'Waiting for customer', category: 'indeterminate' },
      { id: STATUS.escalated, name: 'Escalated', category: 'indeterminate' },
      { id: STATUS.resolved, name: 'Resolved', category: 'done' },
      { id: STATUS.closed, name: 'Closed', category: 'done' },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ],
    issueTypes: [
      { id: '10100', name: 'Incident' },
      { id: '10101', name: 'Service Request' },
      { id: '10102', name: 'Question' },
    ],
    resolutions: [
      { id: '10000', name: 'Done' },
      { id: '10001', name: "Won't Do" },
      { id: '10002', name: 'Duplicate' },
    ],
    selectFields: [
      {
        id: SEVERITY_FIELD_ID,
        name: 'Severity',
        options: [
          { id: '10200', value: 'Severity A' },
          { id: '10201', value: 'Severity B' },
          { id: '10202', value: 'Severity C' },
          { id: '10203', value: 'Severity D' },
        ],
      },
    ],
    issues: [],
    counters: { issue: 10000, change: 20000, comment: 30000, keyByProject: {} },
  };
}
