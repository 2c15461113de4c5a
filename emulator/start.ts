/**
 * `npm start`: builds the Custom UIs if their builds are missing, starts the emulator on
 * loopback (PORT, default 4600), seeds the demo site unless saved state exists, prints the URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator } from './index';

const root = resolve(__dirname, '..');
const DEFAULT_PORT = 4600;

function ensureUiBuilds(): void {
  const missing = ['static/issue-panel/build/index.html', 'static/project-settings/build/index.html'].filter((f) => !existsSync(join(root, f)));
  if (missing.length === 0) return;
  console.log(`Building the Custom UIs (missing: ${missing.join(', ')}) …`);
  const r = spawnSync('npm', ['run', 'build:ui'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.warn('UI build failed; the host page still runs, the app iframes will say what is missing.');
}

async function main(): Promise<void> {
  const started = Date.now();
  ensureUiBuilds();
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  const verbose = process.env.EMULATOR_VERBOSE === '1';
  const running = await startEmulator({
    root, port, stateDir: join(root, '.emulator-state'), seed: true,
    log: (line) => { if (verbose || /error|threw|dropped|seed:/i.test(line)) console.log(`[emulator] ${line}`); },
  });
  const { emu } = running;
  const open = emu.site.data.issues.filter((i) => emu.site.data.statuses.find((s) => s.id === i.fields.status)?.category !== 'done').length;
  console.log(`SLA Clock emulator ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${running.url}/`);
  console.log(`  ${emu.site.data.projects.length} projects, ${emu.site.data.issues.length} issues (${open} open)${emu.restoredFromDisk ? ', restored from .emulator-state/' : ''}`);
  if (!emu.runtime) console.log('  manifest.yml not found: Forge runtime disabled');
  console.log(`  Jira REST: ${running.url}/rest/api/3/…   control API: ${running.url}/control/state   (README: "Control API")`);
  const stop = () => { void running.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
