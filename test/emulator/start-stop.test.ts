/**
 * `npm start` as a user runs it: nothing answers until the demo is completely seeded, an
 * interrupted first start leaves no state behind, SIGTERM to npm stops every process it started,
 * and a corrupt state file stops the start with a message naming the file and the reset command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, descendants, freePort, json, listening, until } from './process/spawn';

interface Started { npm: ChildProcess; port: number; stateDir: string; output: () => string }

/** Process groups of every `npm start` a test made; an emulator left serving would keep Jest (and CI) from exiting. */
const groups: number[] = [];

afterEach(() => {
  for (const pgid of groups.splice(0)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // the group has already ended
    }
  }
});

async function npmStart(stateDir: string, args: string[] = []): Promise<Started> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), EMULATOR_STATE_DIR: stateDir, EMULATOR_SKIP_UI_BUILD: '1' };
  // Its own process group, so a failed test can still end everything it started (see afterEach).
  const npm = spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  groups.push(npm.pid ?? 0);
  let out = '';
  npm.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  npm.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  return { npm, port, stateDir, output: () => out };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));
}

/** SIGTERM to the npm process only (not its group), as a supervisor or `kill` would send it. */
async function terminate(s: Started): Promise<number[]> {
  const tree = descendants(s.npm.pid ?? 0);
  s.npm.kill('SIGTERM');
  await exited(s.npm);
  await until('every started process to end', async () => (tree.some(alive) ? null : true), 15_000);
  return tree;
}

const DEMO_ISSUES = 22;

async function searchCount(port: number): Promise<number> {
  const r = await json(`http://127.0.0.1:${port}/rest/api/3/search/jql`, { method: 'POST', body: JSON.stringify({ jql: 'project in (SUP, HLP, MAD)', maxResults: 100 }) });
  return (r.body as { issues: unknown[] }).issues.length;
}

describe('npm start and stop', () => {
  it('answers search only once every demo issue exists, and SIGTERM to npm closes the port and ends every child', async () => {
    const s = await npmStart(mkdtempSync(join(tmpdir(), 'emu-start-')));
    await until('the port to open', async () => ((await listening(s.port)) ? true : null), 30_000);
    // The first request is held while seeding and answered with the complete demo.
    expect(await searchCount(s.port)).toBe(DEMO_ISSUES);
    await until('the ready line', async () => (/ready in (\d+\.\d) s/.exec(s.output()) ? true : null), 30_000);
    const seconds = Number(/ready in (\d+\.\d) s/.exec(s.output())?.[1]);
    // Real elapsed time: including the seed's two-day clock offset would read as about ±172,800 s.
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(120);
    const tree = await terminate(s);
    expect(tree.length).toBeGreaterThan(0);
    expect(await listening(s.port)).toBe(false);
    expect(existsSync(join(s.stateDir, 'state.json'))).toBe(true);

    // A restart restores the saved site; "ready in" is real time, not the clock offset.
    const again = await npmStart(s.stateDir);
    await until('the restored ready line', async () => (/ready in (\d+\.\d) s.*\n.*restored/.exec(again.output()) ? true : null), 30_000);
    // Real elapsed time: a restore can take well under 0.05 s, but never the emulated clock offset (days).
    const readyIn = Number(/ready in (-?\d+\.\d) s/.exec(again.output())?.[1]);
    expect(readyIn).toBeGreaterThanOrEqual(0);
    expect(readyIn).toBeLessThan(60);
    expect(await searchCount(again.port)).toBe(DEMO_ISSUES);
    await terminate(again);
  }, 120_000);

  it('leaves no state behind when the first start is stopped while seeding', async () => {
    const s = await npmStart(mkdtempSync(join(tmpdir(), 'emu-start-')));
    await until('the port to open', async () => ((await listening(s.port)) ? true : null), 30_000);
    expect(s.output()).not.toMatch(/ready in/);
    await terminate(s);
    expect(existsSync(join(s.stateDir, 'state.json'))).toBe(false);
  }, 60_000);

  it('refuses a truncated state file with its path and the reset command, and --reset starts over', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-start-'));
    writeFileSync(join(stateDir, 'state.json'), '{"version":2,"site":{"issues":[');
    const s = await npmStart(stateDir);
    expect(await exited(s.npm)).not.toBe(0);
    expect(s.output()).toContain(join(stateDir, 'state.json'));
    expect(s.output()).toContain('npm start -- --reset');
    expect(await listening(s.port)).toBe(false);

    const reset = await npmStart(stateDir, ['--reset']);
    await until('the ready line', async () => (/ready in/.test(reset.output()) ? true : null), 60_000);
    expect(await searchCount(reset.port)).toBe(DEMO_ISSUES);
    await terminate(reset);
  }, 120_000);
});
