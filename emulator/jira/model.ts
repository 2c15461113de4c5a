/**
 * The emulated Jira site's data, kept as plain JSON so it can be persisted and reset. Field values
 * on issues are stored as ids (status id, priority id, option id, accountId), as Jira's changelog
 * records them; the Jira-shaped JSON is produced at the edge (format.ts).
 */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';
export type AccountType = 'atlassian' | 'customer' | 'app';
export type Role = 'admin' | 'agent' | 'customer' | 'app';

export interface User {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: AccountType;
  timeZone: string;
  role: Role;
}

export interface Status { id: string; name: string; category: StatusCategoryKey }
export interface Named { id: string; name: string }
export interface SelectField { id: string; name: string; options: Array<{ id: string; value: string }> }

export interface Project {
  id: string;
  key: string;
  name: string;
  projectTypeKey: 'service_desk' | 'software';
  leadAccountId: string;
  /** Users with ADMINISTER_PROJECTS here (site admins always have it). */
  admins: string[];
}

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeHistory { id: string; authorId: string; created: number; items: ChangeItem[] }

export interface Comment {
  id: string;
  authorId: string;
  text: string;
  created: number;
  updated: number;
  /** false = an internal note (JSM `sd.public.comment` {internal: true}). */
  public: boolean;
}

/** The editable fields of an issue, by Jira field id. Lists are arrays; single values are ids. */
export interface IssueFields {
  summary: string;
  issuetype: string;
  status: string;
  priority: string | null;
  resolution: string | null;
  resolutiondate: number | null;
  assignee: string | null;
  reporter: string;
  labels: string[];
  custom: Record<string, string | null>;
  /** Issue security level id (ISSUE_SECURITY_LEVELS); absent or null: no level, project permissions apply. */
  security?: string | null;
}

export interface Issue {
  id: string;
  key: string;
  projectId: string;
  created: number;
  updated: number;
  creatorId: string;
  fields: IssueFields;
  changelog: ChangeHistory[];
  comments: Comment[];
  properties: Record<string, unknown>;
}

export interface SiteData {
  users: User[];
  projects: Project[];
  statuses: Status[];
  priorities: Named[];
  issueTypes: Named[];
  resolutions: Named[];
  selectFields: SelectField[];
  issues: Issue[];
  counters: { issue: number; change: number; comment: number; keyByProject: Record<string, number> };
}

export const SEVERITY_FIELD_ID = 'customfield_10042';
