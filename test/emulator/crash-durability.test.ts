/**
 * A hard kill loses nothing acknowledged: the emulator runs as its own process, a storm of comments
 * is under way with their trigger events still queued, the process is SIGKILLed mid-storm, and
 * after a restart every acknowledged comment is in Jira and every one of their events is delivered.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, json, until } from './process/spawn';

const APP = join(__dirname, 'process', 'crash-app.ts');

function launch(stateDir: string, port: number): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', APP, stateDir, String(port)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before it was ready: ${err}`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** Fires comments `parallel` at a time until stopped, collecting into `acked` the ids Jira acknowledged with 201. */
async function storm(url: string, key: string, stop: { now: boolean }, parallel: number, acked: string[]): Promise<string[]> {
  let n = 0;
  const worker = async () => {
    while (!stop.now) {
      const body = JSON.stringify({ text: `storm ${n++}`, as: 'agent', wait: false });
      const res = await fetch(`${url}/control/issues/${key}/comment`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => null);
      if (!res) return;
      const reply = await res.json().catch(() => null) as { id?: string } | null;
      if (res.status === 201 && reply?.id) acked.push(reply.id);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return acked;
}

describe('emulator durability under a hard kill', () => {
  it('keeps every acknowledged comment and delivers every queued event after a SIGKILL mid-storm', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'emu-crash-'));
    const port = await freePort();
    const first = launch(stateDir, port);
    const url = await first.url;
    const stop = { now: false };
    const ids: string[] = [];
    const storming = storm(url, 'SUP-1', stop, 16, ids);
    const state = () => json(`${url}/control/state`).then((r) => r.body as { runtime: { pending: number } });
    try {
      // Kill once writes have been acknowledged while their events are still waiting in the queue.
      await until('acknowledged writes and a backlog of queued events', async () => (ids.length >= 20 && (await state()).runtime.pending >= 10 ? true : null), 60_000);
    } finally {
      first.child.kill('SIGKILL');
      stop.now = true;
    }
    await storming;
    await exited(first.child);
    expect(ids.length).toBeGreaterThanOrEqual(20);

    const second = launch(stateDir, port);
    const again = await second.url;
    try {
      expect((await json(`${again}/control/drain`, { method: 'POST', body: '{}' })).status).toBe(200);
      const comments = (await json(`${again}/rest/api/3/issue/SUP-1/comment?maxResults=5000`)).body as { comments: Array<{ id: string }> };
      const stored = new Set(comments.comments.map((c) => c.id));
      expect(ids.filter((id) => !stored.has(id))).toEqual([]);
      const check = await json(`${again}/control/invoke`, { method: 'POST', body: JSON.stringify({ moduleKey: 'panel', issueKey: 'SUP-1', as: 'admin', functionKey: 'check', payload: { ids } }) });
      expect(check.body).toEqual({ missing: [] });
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  }, 120_000);
});
