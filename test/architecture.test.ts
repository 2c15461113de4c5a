/**
 * The dependency rule (docs/reference/architecture.md), enforced: core <- app <- handlers. The core
 * imports nothing of ours outside core and no platform package; use-cases (src/app) never import
 * entry points (src/handlers); the UIs reach the backend only through the contract; the backend
 * never imports UI or emulator code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(abs, name);
    if (name === 'node_modules' || name === 'build') return [];
    if (statSync(full).isDirectory()) return sourceFiles(relative(root, full));
    return /\.(ts|tsx)$/.test(name) ? [relative(root, full)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)];
  return specs.map((m) => m[1] ?? '');
}

/** The path aliases of tsconfig.json, jest and the UI builds: the public surfaces. */
const ALIASES: Record<string, string> = { '@core': 'src/core', '@core/browser': 'src/core/browser', '@contract': 'src/contract' };

/** Resolves a relative or aliased import to a repo path; package imports are returned as they are. */
function target(file: string, spec: string): string {
  const aliased = ALIASES[spec];
  if (aliased) return aliased;
  if (!spec.startsWith('.')) return spec;
  return relative(root, resolve(root, dirname(file), spec)).replace(/\/index$/, '');
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((spec) => target(file, spec))
      .filter((t) => !allowed(t))
      .map((t) => `${file} -> ${t}`),
  );
}

const isPackage = (t: string) => !t.startsWith('src') && !t.startsWith('static') && !t.startsWith('emulator') && !t.startsWith('test') && !t.startsWith('bench') && !t.startsWith('..');

describe('the dependency rule', () => {
  it('keeps the core pure: only core, luxon, date-holidays and node-free code', () => {
    const allowed = (t: string) => t.startsWith('src/core') || t === 'luxon' || t === 'date-holidays';
    expect(violations('src/core', allowed)).toEqual([]);
  });

  it('keeps date-holidays out of the browser entry of the core', () => {
    const file = 'src/core/browser.ts';
    const seen = new Set<string>();
    const walk = (f: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const spec of importsOf(f)) {
        const t = target(f, spec);
        expect(t).not.toBe('date-holidays');
        if (t.startsWith('src/')) {
          const candidates = [`${t}.ts`, `${t}/index.ts`];
          const hit = candidates.find((c) => {
            try {
              return statSync(join(root, c)).isFile();
            } catch {
              return false;
            }
          });
          if (hit) walk(hit);
        }
      }
    };
    walk(file);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('lets the UIs import only the contract, the browser entry of the core and their own shared code', () => {
    const allowed = (t: string) => isPackage(t) || t === 'src/contract' || t === 'src/core/browser' || t.startsWith('static');
    expect(violations('static', allowed)).toEqual([]);
  });

  it('never lets the backend import UI, emulator or test code', () => {
    const allowed = (t: string) => isPackage(t) || t.startsWith('src');
    expect(violations('src', allowed)).toEqual([]);
  });
});

/** App modules every use-case may build on; everything else in src/app is a use-case. */
const BUILDING_BLOCKS = ['deps', 'answer', 'retry', 'history', 'property', 'actions', 'names', 'mirrorData', 'evaluateIssue', 'reportFiling', 'eventDelta', 'outcome'];

/** The only places where one use-case calls another, each for a stated reason. */
const COMPOSITIONS: Record<string, string[]> = {
  // A queue job is one issue recompute, a due batch, or one link of a project recompute.
  jobs: ['recompute', 'reindex', 'dueBatch', 'mirrorSync'],
  // A project recompute pages through issues and recomputes them in bulk.
  reindex: ['recompute', 'bulkRecompute', 'chainPages'],
  // Saving a configuration starts the project recompute.
  settings: ['reindex'],
  // Coverage and what-if validate the proposed policy exactly as a save does.
  analysis: ['settings', 'whatIf'],
  // Pages read from Jira refresh the history mirror.
  chainPages: ['mirrorSync'],
  // A bulk recompute of a backfill page saves the records it built without overwriting an event's newer one.
  bulkRecompute: ['backfillSave'],
  // Removing a project's SLA data purges each issue's records as a deleted issue's are purged.
  removeData: ['mirrorSync'],
  // A due batch is a bulk recompute from the mirror.
  dueBatch: ['bulkRecompute'],
  // An event updates the mirror before the recompute is queued.
  issueEvents: ['mirrorSync'],
  // A recompute keeps the history mirror in step with what it read from Jira.
  recompute: ['mirrorSync'],
  // The sweep queues due batches and resumes parked project recomputes.
  sweep: ['dueBatch', 'reindex'],
  // Reconciliation judges its candidates with its own rules.
  reconcile: ['reconcileRules'],
  // The gadget's compliance is this month's project report for its metric, over the viewer's issues.
  gadget: ['reports', 'viewerScope'],
  // The report page reads the aggregates over the issues the viewer may open, and lists only keys they can open.
  reportView: ['reports', 'viewerScope', 'visibleKeys'],
  // Uptime merges recorded outages with those read from issues.
  uptime: ['outageIssues'],
  // The customer panel reduces the same evaluation the agent panel starts from.
  customerPanel: ['panel'],
  // What-if covers the same issues a project recompute would (its scope rule).
  whatIf: ['chainPages'],
};

const appModule = (t: string) => t.match(/^src\/app\/([^/]+?)(?:\.ts)?$/)?.[1];

/** Every import cycle of a graph, each as "a -> b -> a" from the first module on it (depth-first). */
function cyclesIn(edges: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): void => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      found.add([...trail.slice(at), node].join(' -> '));
      return;
    }
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) visit(node, []);
  return [...found];
}

describe('the direction core <- app <- handlers', () => {
  it('never lets a use-case import an entry point or the handler table', () => {
    const allowed = (t: string) => !t.startsWith('src/handlers') && t !== 'src/index' && t !== 'src/wiring';
    expect(violations('src/app', allowed)).toEqual([]);
  });

  it('lets a use-case import another use-case only where the composition is named', () => {
    const found = sourceFiles('src/app').flatMap((file) => {
      const from = appModule(file) ?? file;
      return importsOf(file)
        .map((spec) => appModule(target(file, spec)))
        .filter((to): to is string => to !== undefined && !BUILDING_BLOCKS.includes(to))
        .filter((to) => !(COMPOSITIONS[from] ?? []).includes(to))
        .map((to) => `${from} -> ${to}`);
    });
    expect(found).toEqual([]);
  });

  it('keeps the building blocks of the app free of use-cases', () => {
    const blocks = sourceFiles('src/app').filter((f) => BUILDING_BLOCKS.includes(appModule(f) ?? ''));
    const found = blocks.flatMap((file) =>
      importsOf(file)
        .map((spec) => appModule(target(file, spec)))
        .filter((to) => to !== undefined && !BUILDING_BLOCKS.includes(to))
        .map((to) => `${file} -> ${to}`),
    );
    expect(found).toEqual([]);
  });

  it('has no import cycle inside src/app, type-only imports included', () => {
    const edges = new Map(sourceFiles('src/app').map((file) => [appModule(file) ?? file, importsOf(file).map((spec) => appModule(target(file, spec))).filter((to): to is string => to !== undefined)]));
    expect(cyclesIn(edges)).toEqual([]);
  });

  it('finds a cycle when two modules import each other', () => {
    expect(cyclesIn(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a -> b -> c -> a']);
  });

  it('lets entry points reach the core only through its public entry', () => {
    const allowed = (t: string) => !t.startsWith('src/core') || t === 'src/core';
    expect(violations('src/handlers', allowed)).toEqual([]);
  });

  it('keeps the entry points out of each other except within the resolver', () => {
    const allowed = (t: string) => !t.startsWith('src/handlers') || t === 'src/handlers/retry';
    const found = violations('src/handlers', allowed).filter((v) => !v.startsWith('src/handlers/resolver/') || !v.includes('-> src/handlers/resolver/'));
    expect(found).toEqual([]);
  });
});

/** A file outside the core (or contract) that reaches past the public entry, as "file -> target". */
function deepImports(dirs: string[], exempt: (file: string) => boolean): string[] {
  const surface = (t: string) => t === 'src/core' || t === 'src/core/browser' || t === 'src/contract';
  const inside = (t: string) => t.startsWith('src/core/') || t.startsWith('src/contract/');
  return dirs.flatMap((dir) =>
    sourceFiles(dir)
      .filter((file) => !exempt(file))
      .flatMap((file) => importsOf(file).map((spec) => ({ file, t: target(file, spec) })))
      .filter(({ file, t }) => inside(t) && !surface(t) && !file.startsWith(t.split('/').slice(0, 2).join('/') + '/'))
      .map(({ file, t }) => `${file} -> ${t}`),
  );
}

describe('the public surfaces of the core and the contract', () => {
  it('lets code outside the core import the core only through its index or its browser entry', () => {
    const found = deepImports(['src', 'static', 'emulator', 'bench', 'test'], (f) => f.startsWith('src/core/') || f.startsWith('test/core/'));
    expect(found.filter((v) => v.includes('-> src/core/'))).toEqual([]);
  });

  it('lets code outside the contract import it only through its index', () => {
    const found = deepImports(['src', 'static', 'emulator', 'bench', 'test'], (f) => f.startsWith('src/contract/'));
    expect(found.filter((v) => v.includes('-> src/contract/'))).toEqual([]);
  });
});
