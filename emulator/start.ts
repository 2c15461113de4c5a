/**
 * `npm start`: builds the Custom UIs if their builds are missing, starts the emulator on
 * loopback (PORT, default 4600), seeds the demo site unless saved state exists, prints the URL.
 * `npm start -- --reset` discards the saved state first. Ctrl-C, SIGTERM, or the death of the
 * process that started us (npm's shell does not pass SIGTERM on) stops everything we started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { realNow } from './clock';
import { startEmulator, type RunningEmulator } from './index';
import { STATE_FILE, StateFileError } from './persistence';

const root = resolve(__dirname, '..');
const DEFAULT_PORT = 4600;
/** A stop that hangs (a handler that never returns) must not keep the port: exit anyway. */
const STOP_GRACE_MS = 8000;
const ORPHAN_POLL_MS = 250;

let running: RunningEmulator | null = null;
let building: ChildProcess | null = null;
let stopping = false;

function stop(code: number): void {
  if (stopping) process.exit(code);
  stopping = true;
  setTimeout(() => process.exit(code), STOP_GRACE_MS).unref();
  if (building?.pid) { try { process.kill(-building.pid, 'SIGTERM'); } catch { /* already gone */ } }
  if (!running) process.exit(code);
  void running.close().finally(() => process.exit(code));
}

/** npm runs us through `sh -c`; when npm is killed the shell dies and we are re-parented. */
function watchParent(): void {
  const parent = process.ppid;
  const timer = setInterval(() => { if (process.ppid !== parent) stop(143); }, ORPHAN_POLL_MS);
  timer.unref();
}

async function ensureUiBuilds(): Promise<void> {
  const missing = ['issue-panel', 'project-settings', 'project-report'].map((ui) => `static/${ui}/build/index.html`).filter((f) => !existsSync(join(root, f)));
  if (missing.length === 0 || process.env.EMULATOR_SKIP_UI_BUILD === '1') return;
  console.log(`Building the Custom UIs (missing: ${missing.join(', ')}) …`);
  // Its own process group, so a stop can end the whole build (npm, sh, vite, esbuild).
  building = spawn('npm', ['run', 'build:ui'], { cwd: root, stdio: 'inherit', detached: true });
  const status = await new Promise<number | null>((done) => building?.once('exit', (c) => done(c)));
  building = null;
  if (status !== 0 && !stopping) console.warn('UI build failed; the host page still runs, the app iframes will say what is missing.');
}

async function main(): Promise<void> {
  const started = realNow();
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
  watchParent();
  const stateDir = process.env.EMULATOR_STATE_DIR ? resolve(process.env.EMULATOR_STATE_DIR) : join(root, '.emulator-state');
  if (process.argv.includes('--reset')) {
    rmSync(join(stateDir, STATE_FILE), { force: true });
    console.log(`Discarded the saved state (${join(stateDir, STATE_FILE)}).`);
  }
  await ensureUiBuilds();
  if (stopping) return;
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const verbose = process.env.EMULATOR_VERBOSE === '1';
  running = await startEmulator({
    root, port, stateDir, seed: true,
    log: (line) => { if (verbose || /error|threw|dropped|seed:/i.test(line)) console.log(`[emulator] ${line}`); },
  });
  if (stopping) return;
  report(running, started, stateDir);
}

function report(r: RunningEmulator, started: number, stateDir: string): void {
  const { emu } = r;
  const data = emu.site.data;
  const open = data.issues.filter((i) => data.statuses.find((s) => s.id === i.fields.status)?.category !== 'done').length;
  // Real elapsed time: the emulator clock may be offset, and Date is the emulator clock from here on.
  console.log(`SLA Clock emulator ready in ${((realNow() - started) / 1000).toFixed(1)} s: ${r.url}/`);
  console.log(`  ${data.projects.length} projects, ${data.issues.length} issues (${open} open)${emu.restoredFromDisk ? `, restored from ${stateDir}` : ''}`);
  if (!emu.runtime) console.log('  manifest.yml not found: Forge runtime disabled');
  console.log(`  Jira REST: ${r.url}/rest/api/3/…   control API: ${r.url}/control/state   (docs/guides/local-emulator.md)`);
}

main().catch((e: unknown) => {
  if (e instanceof StateFileError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
