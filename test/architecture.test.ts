/**
 * The dependency rule of ARCHITECTURE.md, enforced: core imports nothing of ours outside core and
 * no platform package; the UIs reach the backend only through the contract; the backend never
 * imports UI or emulator code.
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
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)];
  return specs.map((m) => m[1] ?? '');
}

/** Resolves a relative import to a repo path; package imports are returned as they are. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(root, resolve(root, dirname(file), spec));
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

  it('keeps date-holidays out of the browser entry of the calendar engine', () => {
    const file = 'src/core/calendar/browser.ts';
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

  it('lets the UIs import only the contract, the pure core and their own shared code', () => {
    const allowed = (t: string) =>
      isPackage(t) || t.startsWith('src/contract') || t.startsWith('src/core') || t.startsWith('static');
    expect(violations('static', allowed)).toEqual([]);
  });

  it('never lets the backend import UI, emulator or test code', () => {
    const allowed = (t: string) => isPackage(t) || t.startsWith('src');
    expect(violations('src', allowed)).toEqual([]);
  });
});
