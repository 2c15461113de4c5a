/**
 * Starts the whole emulator in-process: HTTP server, Jira, Forge runtime, scheduler tick, and the
 * demo seed when no saved state exists. Used by `npm start` (start.ts) and the browser tests.
 */
import type { Server } from 'node:http';
import { Emulator } from './app';
import { uninstallClock } from './clock';
import { uninstallForgeGlobals } from './forge/globals';
import { seedDemo } from './seed';
import { startHttp, type HttpContext } from './server/http';

export interface StartOptions {
  root: string;
  port: number;
  /** null: in memory only (tests). */
  stateDir: string | null;
  seed: boolean;
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  emu: Emulator;
  seedProblems: string[];
  close(): Promise<void>;
}

export async function startEmulator(o: StartOptions): Promise<RunningEmulator> {
  let ctx: HttpContext | null = null;
  const { server, port } = await startHttp(() => {
    if (!ctx) throw new Error('emulator still starting');
    return ctx;
  }, o.port);
  const url = `http://127.0.0.1:${port}`;
  const emu = new Emulator({ root: o.root, base: url, stateDir: o.stateDir, log: o.log });
  const reseed = async () => { if (o.seed) await seedDemo(emu); };
  ctx = { emu, reseed };
  const seedProblems = o.seed && !emu.restoredFromDisk ? await seedDemo(emu) : [];
  for (const p of seedProblems) emu.log(`seed: ${p}`);
  // Scheduled triggers run on the emulator clock: real time unless advanced.
  const tick = setInterval(() => emu.runtime?.runDueScheduled(), 1000);
  tick.unref();
  return { url, emu, seedProblems, close: () => close(server, emu, tick) };
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
