/** A valid payload per resolver key, for tests that call every key as some caller. */
import type { ResolverKey } from '../../src/contract';
import { testPolicy } from './world';

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
