import type { OutageSourceDto } from '@contract';
import { outageJql, outageOf } from '../../src/app/outageIssues';

const SOURCE: OutageSourceDto = { issueTypeId: '10100', startFieldId: 'customfield_10060', endFieldId: 'customfield_10061', service: 'API', serviceFieldId: 'customfield_10070', customerFieldId: 'customfield_10071' };
const issue = (fields: Record<string, unknown>) => ({ key: 'SUP-7', fields: { summary: 'Failover', customfield_10060: '2026-03-02T10:00:00.000+0000', customfield_10061: '2026-03-02T11:30:00.000+0100', ...fields } });

describe('an outage read from an issue', () => {
  it("takes Jira's date-times with a colon-less offset, the service and customer from their fields, and names the issue", () => {
    expect(outageOf(issue({ customfield_10070: { value: 'Portal' }, customfield_10071: 'Acme' }), SOURCE)).toEqual({
      id: 'issue:SUP-7', service: 'Portal', customer: 'Acme', start: Date.UTC(2026, 2, 2, 10), end: Date.UTC(2026, 2, 2, 10, 30), description: 'SUP-7 Failover',
    });
  });

  it("falls back to the source's service and to the whole service when those fields are empty", () => {
    expect(outageOf(issue({ customfield_10070: null, customfield_10071: '  ' }), SOURCE)).toMatchObject({ service: 'API', customer: null });
  });

  it('is no outage without a start or an end, or with an end not after its start', () => {
    expect(outageOf(issue({ customfield_10061: null }), SOURCE)).toBeNull();
    expect(outageOf(issue({ customfield_10060: 'soon' }), SOURCE)).toBeNull();
    expect(outageOf(issue({ customfield_10061: '2026-03-02T09:00:00.000+0000' }), SOURCE)).toBeNull();
  });

  it('is searched by project, issue type and both dates with a day of margin, custom fields by their cf[] name', () => {
    expect(outageJql('10000', SOURCE, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1))).toBe(
      'project = 10000 AND issuetype = 10100 AND cf[10060] <= "2026-04-02" AND cf[10061] >= "2026-02-28" ORDER BY cf[10060] ASC',
    );
  });
});
