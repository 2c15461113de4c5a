/**
 * The site-scale simulation at a small size: the invariants the 100,000-issue run must also hold,
 * never its timings (those are measured by `npm run sim`, docs/reference/scale.md).
 */
import { uninstallClock } from '../../emulator/clock';
import { uninstallForgeGlobals } from '../../emulator/forge/globals';
import { runSim } from '../../bench/sim/run';
import { STORAGE_UNITS_PER_MINUTE } from '../../src/store/storageMeter';

type Line = Awaited<ReturnType<typeof runSim>>[number];
type Jira = { requests: number; points: number; byEndpoint: Record<string, { requests: number }> };

const byPhase = (lines: Line[], phase: string): Line => {
  const l = lines.find((x) => x.phase === phase);
  if (!l) throw new Error(`no ${phase} line`);
  return l;
};
const jira = (l: Line) => l.jira as Jira;
const requestsTo = (l: Line, endpoint: string) => jira(l).byEndpoint[endpoint]?.requests ?? 0;

describe('the site-scale simulation', () => {
  let lines: Line[];

  beforeAll(async () => {
    lines = await runSim({ issues: 1200, root: process.cwd() }, () => undefined);
  }, 240_000);

  afterAll(() => {
    uninstallForgeGlobals();
    uninstallClock();
  });

  it('leaves no stored property that differs from a fresh evaluation after any phase', () => {
    const checked = lines.filter((l) => 'stale' in l);
    expect(checked.map((l) => l.phase)).toEqual(['install-backfill', 'settings-save-recompute', 'working-day-events', 'working-day-sweep', 'reconciliation']);
    for (const l of checked) expect({ phase: l.phase, stale: l.stale }).toEqual({ phase: l.phase, stale: 0 });
  });

  it('recomputes a project after a settings save without reading any issue from Jira', () => {
    const l = byPhase(lines, 'settings-save-recompute');
    expect(Object.keys(jira(l).byEndpoint).filter((e) => e.startsWith('GET /rest/api/3/issue/') || e.includes('search/jql') || e.includes('bulkfetch'))).toEqual([]);
    expect(l.http429).toEqual({});
  });

  it('uses at least 20 times fewer Jira requests and points than one read and one write per issue', () => {
    const ratios = byPhase(lines, 'settings-save-recompute').ratios as { requests: number; points: number };
    expect(ratios.requests).toBeGreaterThanOrEqual(20);
    expect(ratios.points).toBeGreaterThanOrEqual(20);
  });

  it('reads Jira on an event only for issues the event cannot describe (created ones), and writes at most once per event', () => {
    const l = byPhase(lines, 'working-day-events');
    expect(requestsTo(l, 'GET /rest/api/3/issue/{idOrKey}')).toBeLessThanOrEqual(l.created as number);
    expect(requestsTo(l, 'PUT /rest/api/3/issue/{idOrKey}/properties/{key}')).toBeLessThanOrEqual(l.productEvents as number);
  });

  it('keeps Forge events per minute under the documented 500 in every phase', () => {
    for (const l of lines.filter((x) => 'events' in x)) expect((l.events as { peakPerMinute: number }).peakPerMinute).toBeLessThan(500);
  });

  it('keeps every phase under app storage\'s documented 4,000 read and 4,000 write units a minute, with no storage call refused', () => {
    const storage = lines.filter((l) => 'storage' in l).map((l) => ({ phase: l.phase, ...(l.storage as { refused: number; peakUnitsPerMinute: { read: number; write: number } }) }));
    expect(storage.map((s) => s.phase)).toEqual(['install-backfill', 'settings-save-recompute', 'working-day-events', 'working-day-sweep', 'reconciliation']);
    for (const s of storage) {
      expect({ phase: s.phase, refused: s.refused }).toEqual({ phase: s.phase, refused: 0 });
      expect(Math.max(s.peakUnitsPerMinute.read, s.peakUnitsPerMinute.write)).toBeLessThan(STORAGE_UNITS_PER_MINUTE);
    }
  });

  it('backfills through search and changelog bulkfetch, never one issue at a time', () => {
    const l = byPhase(lines, 'install-backfill');
    expect(requestsTo(l, 'POST /rest/api/3/changelog/bulkfetch')).toBeGreaterThan(0);
    expect(requestsTo(l, 'GET /rest/api/3/issue/{idOrKey}')).toBe(0);
  });

  it('loses no product event, queued job or scheduled run in any phase', () => {
    for (const l of lines.filter((x) => 'lost' in x)) expect({ phase: l.phase, lost: l.lost }).toEqual({ phase: l.phase, lost: {} });
  });

  it('repairs properties edited by hand through the reconciliation pass', () => {
    const l = byPhase(lines, 'reconciliation');
    expect(l.editedByHand).toBeGreaterThan(0);
    expect(l.stale).toBe(0);
  });
});

describe('the site-scale simulation under a storage budget it overruns', () => {
  let lines: Line[];

  beforeAll(async () => {
    lines = await runSim({ issues: 3000, root: process.cwd(), naive: false, storageUnitsPerMinute: 800 }, () => undefined);
  }, 240_000);

  afterAll(() => {
    uninstallForgeGlobals();
    uninstallClock();
  });

  it('meets storage refusals, and still loses nothing and leaves no stale property', () => {
    const refused = lines.reduce((n, l) => n + ((l.storage as { refused?: number } | undefined)?.refused ?? 0), 0);
    expect(refused).toBeGreaterThan(0);
    for (const l of lines.filter((x) => 'stale' in x)) expect({ phase: l.phase, stale: l.stale, lost: l.lost }).toEqual({ phase: l.phase, stale: 0, lost: {} });
  });
});
