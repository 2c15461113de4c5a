/**
 * Starts the whole emulator in-process: HTTP server, Jira, Forge runtime, scheduler tick, and the
 * demo seed when no saved state exists. Used by `npm start` (start.ts) and the browser tests.
 */
import type { Server } from 'node:http';
import { Emulator } from './app';
import { uninstallClock } from './clock';
import { uninstallForgeGlobals } from './forge/globals';
import type { AppManifest } from './forge/manifest';
import type { FunctionLoader } from './forge/runtime';
import { seedDemo } from './seed';
import { startHttp, type HttpContext } from './server/http';

export interface StartOptions {
  root: string;
  port: number;
  /** null: in memory only (tests). */
  stateDir: string | null;
  seed: boolean;
  log?: (line: string) => void;
  /** Tests: a manifest and functions instead of manifest.yml and src/. */
  manifest?: AppManifest;
  loadFunction?: FunctionLoader;
}

export interface RunningEmulator {
  url: string;
  emu: Emulator;
  seedProblems: string[];
  close(): Promise<void>;
}

/**
 * Listens at once (so the port and base URL are known) but holds every request until the state is
 * restored or the demo is completely seeded; the seed is persisted only once complete, so an
 * interrupted first start leaves no state behind. Throws StateFileError for an unreadable state file.
 */
export async function startEmulator(o: StartOptions): Promise<RunningEmulator> {
  let markReady: (ctx: HttpContext) => void = () => undefined;
  const ready = new Promise<HttpContext>((resolve) => { markReady = resolve; });
  const { server, port } = await startHttp(() => ready, o.port);
  const url = `http://127.0.0.1:${port}`;
  try {
    const emu = new Emulator({ root: o.root, base: url, stateDir: o.stateDir, log: o.log, manifest: o.manifest, loadFunction: o.loadFunction });
    const reseed = async () => { if (o.seed) await emu.atomically(() => seedDemo(emu)); };
    const seedProblems = o.seed && !emu.restoredFromDisk ? await emu.atomically(() => seedDemo(emu)) : [];
    for (const p of seedProblems) emu.log(`seed: ${p}`);
    // Scheduled triggers run on the emulator clock: real time unless advanced.
    const tick = setInterval(() => emu.runtime?.runDueScheduled(), 1000);
    tick.unref();
    markReady({ emu, reseed });
    return { url, emu, seedProblems, close: () => close(server, emu, tick) };
  } catch (e) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    uninstallForgeGlobals();
    uninstallClock();
    throw e;
  }
}

async function close(server: Server, emu: Emulator, tick: NodeJS.Timeout): Promise<void> {
  clearInterval(tick);
  await emu.drain(5000);
  emu.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  uninstallForgeGlobals();
  uninstallClock();
}
