import { REPORT_RESOLVER_KEYS } from '@contract';
import { REPORT_PAYLOADS } from '../../../src/handlers/resolver/reportPayloads';

const ok = (key: keyof typeof REPORT_PAYLOADS, payload: unknown) => REPORT_PAYLOADS[key].safeParse(payload).success;
const FILTERS = { fromMonth: '2026-01', toMonth: '2026-03', timeZone: 'UTC', metricKey: null, goalId: null, priorityId: null };

describe('report resolver payloads', () => {
  it('have a schema for every report resolver key and no other', () => {
    expect(Object.keys(REPORT_PAYLOADS).sort()).toEqual([...REPORT_RESOLVER_KEYS].sort());
  });

  it('take months as YYYY-MM with a real month only', () => {
    expect(ok('report.get', FILTERS)).toBe(true);
    expect(ok('report.get', { ...FILTERS, toMonth: '2026-13' })).toBe(false);
    expect(ok('report.get', { ...FILTERS, fromMonth: '2026-1' })).toBe(false);
    expect(ok('uptime.get', { month: '2026-00', timeZone: 'UTC' })).toBe(false);
  });

  it('take only CSV kinds the report knows', () => {
    expect(ok('report.csv', { ...FILTERS, kind: 'cycles' })).toBe(true);
    expect(ok('report.csv', { ...FILTERS, kind: 'everything' })).toBe(false);
  });

  it('accept only gadget project ids and metric keys that cannot change the JQL they go into', () => {
    const gadget = { projectId: '10000', metricKey: 'resolution', dueWithinHours: 4, timeZone: 'UTC' };
    expect(ok('gadget.get', gadget)).toBe(true);
    expect(ok('gadget.get', { ...gadget, projectId: '10000 OR 1=1' })).toBe(false);
    expect(ok('gadget.get', { ...gadget, metricKey: 'a" OR "b' })).toBe(false);
    expect(ok('gadget.get', { ...gadget, metricKey: '1st' })).toBe(false);
    expect(ok('gadget.options', { projectId: 'SUP' })).toBe(false);
  });

  it('keep the gadget horizon between one hour and a week, in whole hours', () => {
    const gadget = { projectId: '10000', metricKey: 'm', timeZone: 'UTC' };
    expect([0, 1, 168, 169, 1.5].map((dueWithinHours) => ok('gadget.get', { ...gadget, dueWithinHours }))).toEqual([false, true, true, false, false]);
  });

  it('accept outage source fields only as system ids or customfield_N, and a numeric issue type', () => {
    const source = { issueTypeId: '10100', startFieldId: 'customfield_1', endFieldId: 'duedate', service: 'API', serviceFieldId: null, customerFieldId: null };
    expect(ok('uptime.saveSource', { source })).toBe(true);
    expect(ok('uptime.saveSource', { source: null })).toBe(true);
    expect(ok('uptime.saveSource', { source: { ...source, startFieldId: 'cf[10060]' } })).toBe(false);
    expect(ok('uptime.saveSource', { source: { ...source, issueTypeId: 'Bug' } })).toBe(false);
    expect(ok('uptime.saveSource', { source: { ...source, service: '' } })).toBe(false);
  });

  it('take outage edits only from a whole, non-negative revision', () => {
    const outage = { service: 'API', start: '2026-03-02T10:00:00Z', end: 1_772_449_200_000 };
    expect(ok('uptime.saveOutage', { expectedRev: 0, outage })).toBe(true);
    expect(ok('uptime.saveOutage', { expectedRev: -1, outage })).toBe(false);
    expect(ok('uptime.deleteOutage', { expectedRev: 1.5, id: 'o1' })).toBe(false);
    expect(ok('uptime.saveOutage', { expectedRev: 0, outage: { ...outage, description: 'x'.repeat(4001) } })).toBe(false);
  });
});
