/** Payload schemas of the report, explain and uptime resolvers. */
import { z } from 'zod';
import type { ReportResolverMap } from '../../contract';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const zone = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
const filters = z.object({
  fromMonth: month,
  toMonth: month,
  timeZone: zone,
  metricKey: id.nullable(),
  goalId: id.nullable(),
  priorityId: id.nullable(),
});
/** Both go into JQL, so only shapes that cannot change a query are accepted. */
const projectId = z.string().regex(/^\d{1,18}$/);
const metricKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);
const instant = z.union([z.string().max(40), z.number()]);
const name = z.string().max(200);
/** Field ids go into JQL and search requests: system ids and customfield_N only. */
const fieldId = z.string().regex(/^(?:[a-z]{1,40}|customfield_\d{1,18})$/);

export const REPORT_PAYLOADS = {
  'report.options': z.object({}),
  'report.get': filters,
  'report.csv': filters.extend({ kind: z.enum(['cycles', 'compliance']) }),
  'explain.get': z.object({ issueId: id, timeZone: zone.optional() }),
  'uptime.get': z.object({ month, timeZone: zone }),
  'uptime.saveOutage': z.object({
    expectedRev: z.number().int().min(0),
    outage: z.object({ id: id.optional(), service: name, customer: name.nullable().optional(), start: instant, end: instant, description: z.string().max(4000).optional() }),
  }),
  'uptime.deleteOutage': z.object({ expectedRev: z.number().int().min(0), id }),
  'uptime.saveRules': z.object({ expectedRev: z.number().int().min(0), rules: z.unknown() }),
  'uptime.statementCsv': z.object({ service: name, customer: name.nullable(), month, timeZone: zone }),
  'uptime.saveSource': z.object({
    source: z.object({
      issueTypeId: z.string().regex(/^\d{1,18}$/), startFieldId: fieldId, endFieldId: fieldId, service: name.min(1),
      serviceFieldId: fieldId.nullable(), customerFieldId: fieldId.nullable(),
    }).nullable(),
  }),
  'uptime.sourceFields': z.object({}),
  'gadget.options': z.object({ projectId: projectId }),
  'gadget.get': z.object({ projectId, metricKey, dueWithinHours: z.number().int().min(1).max(168), timeZone: zone }),
} satisfies Record<keyof ReportResolverMap, z.ZodType>;
