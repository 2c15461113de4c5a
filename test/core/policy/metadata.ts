/** A site's Jira metadata with the names the seed policies use. */
import type { JiraMetadata } from '../../../src/contract';

export const SITE: JiraMetadata = {
  priorities: [
    { id: '1', name: 'Highest' }, { id: '2', name: 'High' }, { id: '3', name: 'Medium' }, { id: '4', name: 'Low' },
    { id: '5', name: 'Urgent' }, { id: '11', name: 'Level 1' }, { id: '12', name: 'Level 2' }, { id: '13', name: 'level 3' },
  ],
  statuses: [
    { id: '1', name: 'Open', category: 'new' }, { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '10005', name: 'Waiting for Customer', category: 'indeterminate' }, { id: '5', name: 'Done', category: 'done' },
  ],
  issueTypes: [{ id: '10000', name: 'Bug' }, { id: '10002', name: 'Feature Request' }],
  selectFields: [{ id: 'customfield_10050', name: 'Severity', options: ['A', 'B', 'C', 'D'].map((l, i) => ({ id: `2000${i}`, name: `Severity ${l}` })) }],
};
