/** Resolver calls as Forge makes them, and a valid payload per key, for the resolver test suites. */
import type { Envelope, ResolverKey } from '@contract';
import { buildResolver } from '../../src/handlers/resolver';
import { testPolicy, type World } from './world';

export const PANEL = { type: 'jira:issuePanel', issue: { id: '1', key: 'SUP-1' }, project: { id: '10000', key: 'SUP' } };
export const SETTINGS = { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'SUP' } };

/** Calls the resolver the way Forge does: payload and browser context, the account from the runtime. */
export async function invoke(w: World, key: ResolverKey, payload: unknown, opts: { accountId?: string; extension?: object; accountType?: string } = {}) {
  const handler = buildResolver(w.deps);
  const extension = opts.extension ?? (key.startsWith('panel.') || key.startsWith('explain.') ? PANEL : SETTINGS);
  const account = 'accountId' in opts ? opts.accountId : 'admin-1';
  const res = await handler({ call: { functionKey: key, payload: payload as never }, context: { extension, accountType: opts.accountType ?? 'licensed' } }, { principal: account ? { accountId: account } : undefined });
  return res as Envelope<never>;
}

export const REPORT_FILTERS = { fromMonth: '2026-01', toMonth: '2026-03', timeZone: 'Europe/Berlin', metricKey: null, goalId: null, priorityId: null };

export function validPayloads(presetId: string): Record<ResolverKey, unknown> {
  return {
    'panel.getSla': { issueId: '1' },
    'settings.getConfig': {},
    'settings.setCustomerView': { show: false },
    'settings.validate': { policy: testPolicy() },
    'settings.save': { policy: testPolicy(), expectedVersion: 1 },
    'settings.metadata': {},
    'settings.presets': {},
    'settings.applyPreset': { presetId },
    'settings.holidays': { year: 2026 },
    'settings.preview': { policy: testPolicy(), fields: { priority: '2' } },
    'settings.recomputeProgress': {},
    'settings.coverage': { policy: testPolicy() },
    'settings.whatIf': { policy: testPolicy(), days: 30 },
    'settings.removeData': { confirm: 'remove' },
    'report.options': {},
    'report.get': REPORT_FILTERS,
    'report.csv': { ...REPORT_FILTERS, kind: 'cycles' },
    'explain.get': { issueId: '1', timeZone: 'Europe/Paris' },
    'uptime.get': { month: '2026-03', timeZone: 'UTC' },
    'uptime.saveOutage': { expectedRev: 0, outage: { service: 'API', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', description: 'Failover' } },
    'uptime.deleteOutage': { expectedRev: 0, id: 'none' },
    'uptime.saveRules': { expectedRev: 0, rules: { targetPercent: 99.9, thresholds: [{ below: 99.9, creditDays: 7 }] } },
    'uptime.statementCsv': { service: 'API', customer: null, month: '2026-03', timeZone: 'UTC' },
    'uptime.saveSource': { source: null },
    'uptime.sourceFields': {},
    'gadget.options': { projectId: '10000' },
    'gadget.get': { projectId: '10000', metricKey: 'resolution', dueWithinHours: 4, timeZone: 'UTC' },
  };
}
