/**
 * Browser-test helpers: the emulator in-process on a free port, Debian's chromium driven by
 * playwright-core with a fresh profile, the control API, and polling waits (playwright-core ships
 * no assertion library).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness { running: RunningEmulator; context: BrowserContext; page: Page }

export async function startHarness(): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const running = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sla-clock-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { running, context, page };
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  await h?.context.close();
  await h?.running.close();
}

export async function control<T = unknown>(h: Harness, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${h.running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

export async function jira<T = unknown>(h: Harness, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${h.running.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as T;
}

export async function actAs(h: Harness, accountId: string): Promise<void> {
  await h.context.addCookies([{ name: 'emu_user', value: accountId, url: h.running.url }]);
}

/** Polls until `read` returns a value accepted by `ok`; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // The frame may be reloading; try again.
    }
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function appFrame(page: Page, moduleKey: string): Promise<Frame> {
  return eventually(async () => page.frames().find((f) => f.url().includes(`/apps/${moduleKey}/`)) ?? null, (f) => f !== null, `the ${moduleKey} iframe`) as Promise<Frame>;
}

export async function textOf(frame: Frame, selector: string): Promise<string> {
  return (await frame.locator(selector).first().textContent({ timeout: 2000 })) ?? '';
}

/** The app's current frame: the host page re-renders after every action, replacing the iframe. */
export function latestFrame(page: Page, moduleKey: string): Frame {
  const frame = page.frames().filter((f) => f.url().includes(`/apps/${moduleKey}/`) && !f.isDetached()).pop();
  if (!frame) throw new Error(`no ${moduleKey} iframe yet`);
  return frame;
}

/** Text of `selector` in the app's latest frame (throws while the frame is being replaced). */
export function appText(page: Page, moduleKey: string, selector: string): () => Promise<string> {
  return () => textOf(latestFrame(page, moduleKey), selector);
}

export function appAttribute(page: Page, moduleKey: string, selector: string, name: string): () => Promise<string | null> {
  return () => latestFrame(page, moduleKey).locator(selector).first().getAttribute(name, { timeout: 2000 });
}
