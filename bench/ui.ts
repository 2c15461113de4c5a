/**
 * `npm run bench:ui` (after `npm run build:ui`): the issue panel's first paint in Chromium on the
 * emulator, and the gzipped size of each UI bundle. Prints one JSON line per measurement, like
 * `npm run bench`. First paint is measured inside the panel frame from its navigation start: the
 * first contentful paint, and the moment the first SLA card is in the page (the figure that
 * matters to an agent; target 300 ms), recorded by an observer inside the frame so Playwright's
 * polling adds nothing to it. The machine's load average is printed beside the figures, since on
 * a shared machine it moves them more than any code change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startEmulator } from '../emulator';

const RUNS = 7;
const print = (line: object): void => { process.stdout.write(`${JSON.stringify(line)}\n`); };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function bundleSizes(): void {
  for (const app of ['issue-panel', 'issue-context', 'project-settings', 'project-report', 'dashboard-gadget']) {
    const dir = join(process.cwd(), 'static', app, 'build', 'assets');
    let raw = 0;
    let gzip = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
      const bytes = readFileSync(join(dir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      print({ bench: 'ui.bundle.file', app, file, kB: +(bytes.length / 1024).toFixed(1), gzipKB: +(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1) });
    }
    print({ bench: 'ui.bundle', app, kB: +(raw / 1024).toFixed(1), gzipKB: +(gzip / 1024).toFixed(1) });
  }
}

async function panelFirstPaint(): Promise<void> {
  const emu = await startEmulator({ root: process.cwd(), port: 0, stateDir: null, seed: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sla-bench-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1200, height: 900 },
  });
  await context.addInitScript(() => {
    // Runs in every frame before its scripts: notes when the first SLA card enters the panel frame.
    const w = window as unknown as { __slaFirstCard?: number };
    new MutationObserver((_m, observer) => {
      if (document.querySelector('[data-testid^="sla-metric-"]')) { w.__slaFirstCard = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const card = [];
    const fcp = [];
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${emu.url}/#/issue/SUP-1`);
      await page.reload();
      const frame = await page.waitForSelector('#panel-frame').then((el) => el.contentFrame());
      if (!frame) throw new Error('no panel frame');
      await frame.waitForSelector('[data-testid^="sla-metric-"]', { timeout: 30_000 });
      const t = await frame.evaluate(() => ({ now: (window as unknown as { __slaFirstCard?: number }).__slaFirstCard ?? performance.now(), fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN }));
      if (i > 0) { card.push(t.now); fcp.push(t.fcp); } // the first run warms the emulator's caches
    }
    print({ bench: 'ui.load', loadAverage1m: +(loadavg()[0] ?? 0).toFixed(2), cores: cpus().length });
    print({ bench: 'ui.panel.firstContentfulPaint', runs: fcp.length, medianMs: Math.round(median(fcp)) });
    print({ bench: 'ui.panel.firstCard', runs: card.length, medianMs: Math.round(median(card)), maxMs: Math.round(Math.max(...card)), targetMs: 300 });
  } finally {
    await context.close();
    await emu.close();
  }
}

async function main(): Promise<void> {
  bundleSizes();
  await panelFirstPaint();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
