/**
 * manifest.yml, validated offline: the @forge/manifest validator (run in a scratch copy of the app
 * so the UI build folders need not exist in a fresh clone), trigger scopes, handler exports,
 * resolver keys against the contract and the UIs, and the JQL index against the property we write.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate, validateTriggerScopes } from '@forge/manifest';
import { parse } from 'yaml';
import { RESOLVER_KEYS, SLA_SEARCH_ALIASES } from '@contract';
import * as handlers from '../src/index';
import { RESOLVER_TABLE } from '../src/handlers/resolver';
import { buildProperty } from '../src/app/property';
import type { SlaSnapshot } from '@core';

const root = resolve(__dirname, '..');
interface Manifest {
  modules: Record<string, Array<Record<string, unknown>>>;
  resources: Array<{ key: string; path: string }>;
  permissions: { scopes: string[] };
}
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Manifest;

/** A scratch app: the manifest, the handler file, and placeholder UI builds (real ones are gitignored). */
function scratchApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-manifest-'));
  cpSync(join(root, 'manifest.yml'), join(dir, 'manifest.yml'));
  mkdirSync(join(dir, 'src'));
  cpSync(join(root, 'src/index.ts'), join(dir, 'src/index.ts'));
  for (const r of manifest.resources) {
    mkdirSync(join(dir, r.path), { recursive: true });
    writeFileSync(join(dir, r.path, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, r.path, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  return dir;
}

describe('manifest.yml', () => {
  it('passes the full offline validation of @forge/manifest', async () => {
    const dir = scratchApp();
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const result = await validate(false, 'manifest.yml');
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
    // The validator loads a 2 MB JSON schema; give it room on a slow machine.
  }, 60_000);

  it('declares the scopes every trigger event needs', async () => {
    const events = manifest.modules.trigger!.flatMap((t) => t.events as string[]);
    expect(events).toHaveLength(5);
    for (const event of events) {
      const res = await validateTriggerScopes(event, manifest.permissions.scopes);
      expect({ event, missing: res.missingScopes }).toEqual({ event, missing: [] });
    }
  });

  it('names only handlers that src/index.ts exports as functions, and exports nothing else', () => {
    const named = manifest.modules.function!.map((f) => String(f.handler));
    for (const h of named) {
      const [file, name] = h.split('.');
      expect(file).toBe('index');
      expect(typeof (handlers as Record<string, unknown>)[name!]).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual(named.map((h) => h.split('.')[1]).sort());
  });

  it('serves every resolver key of the contract', () => {
    expect(Object.keys(RESOLVER_TABLE).sort()).toEqual([...RESOLVER_KEYS].sort());
  });

  it('only lets the UIs call resolver keys that exist', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        if (n === 'node_modules' || n === 'build') return [];
        return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
      });
    const called = files(join(root, 'static')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bcall\(\s*['"]([\w.]+)['"]/g)].map((m) => m[1]!));
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((k) => !(RESOLVER_KEYS as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('the JQL index of the sla property', () => {
  const values = manifest.modules['jira:entityProperty']!.flatMap((m) => m.values as Array<{ path: string; type: string; searchAlias: string }>);

  it('indexes exactly the aliases the reconciliation audit searches by', () => {
    expect(values.map((v) => v.searchAlias).sort()).toEqual([...SLA_SEARCH_ALIASES].sort());
  });

  it('stays within 100 indexed values with dot-free aliases', () => {
    expect(values.length).toBeLessThanOrEqual(100);
    for (const v of values) expect(v.searchAlias).toMatch(/^sla[A-Za-z]+$/);
  });

  it('points every indexed path at a value of its declared type in the property we write', () => {
    const metric = (key: string, i: number) => ({
      key, name: key, state: i === 0 ? ('running' as const) : ('breachedRunning' as const), goal: { id: 'g', name: 'High', target: '4 h' }, calendarId: 'c', pauseReason: null, warningsCrossed: [], nextCheckAt: null,
      current: { startedAt: 0, stoppedAt: null, pauses: [], goalId: 'g', calendarId: 'c', goalMs: 1, elapsedMs: 2, remainingMs: -1, dueAt: 1000, breachedAt: 1000, met: null },
      cycles: [],
    });
    const snapshot: SlaSnapshot = { issueId: '1', evaluatedAt: 0, metrics: ['response', 'intervention', 'resolution', 'update'].map(metric), nextCheckAt: 5000, problems: [] };
    const property = buildProperty(snapshot, { issueId: '1', policyVersion: 1, seen: null, key: { secret: 'k'.repeat(64), epoch: 1 } }) as unknown as Record<string, unknown>;
    for (const v of values) {
      const value = v.path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], property);
      const scalar = Array.isArray(value) ? value[0] : value;
      if (v.type === 'date') expect({ path: v.path, ok: typeof scalar === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(scalar) }).toEqual({ path: v.path, ok: true });
      else expect({ path: v.path, type: typeof scalar }).toEqual({ path: v.path, type: v.type === 'number' ? 'number' : 'string' });
    }
  });
});
