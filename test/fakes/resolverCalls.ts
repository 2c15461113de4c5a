/** Resolver calls as Forge makes them, and a valid payload per key, for the resolver test suites. */
import type { Envelope, ResolverKey } from '@contract';
import { buildResolver } from '../../src/handlers/resolver';
import { testPolicy, type World } from './world';

export const PANEL = { type: 'jira:issuePanel', issue: { id: '1', key: 'SUP-1' }, project: { id: '10000', key: 'SUP' } };
export const SETTINGS = { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'SUP' } };

/** Calls the resolver the way Forge does: payload and browser context, the account from the runtime. */
export async function invoke(w: World, key: ResolverKey, payload: unknown, opts: { accountId?: string; extension?: object } = {}) {
  const handler = buildResolver(w.deps);
  const extension = opts.extension ?? (key.startsWith('panel.') ? PANEL : SETTINGS);
  const account = 'accountId' in opts ? opts.accountId : 'admin-1';
  const res = await handler({ call: { functionKey: key, payload: payload as never }, context: { extension } }, { principal: account ? { accountId: account } : undefined });
  return res as Envelope<never>;
}

export function validPayloads(presetId: string): Record<ResolverKey, unknown> {
  return {
    'panel.getSla': { issueId: '1' },
    'settings.getConfig': {},
    'settings.validate': { policy: testPolicy() },
    'settings.save': { policy: testPolicy(), expectedVersion: 1 },
    'settings.metadata': {},
    'settings.presets': {},
    'settings.applyPreset': { presetId },
    'settings.holidays': { year: 2026 },
    'settings.preview': { policy: testPolicy(), fields: { priority: '2' } },
    'settings.recomputeProgress': {},
  };
}
