/**
 * A tiny Forge app run as its own process for the crash test: a comment trigger that takes a
 * moment and then records the comment id in KVS, and a resolver that reports which ids are missing.
 * Prints "READY <url>" once the emulator answers. Usage: tsx crash-app.ts <stateDir> <port>
 */
import { kvs } from '@forge/kvs';
import { startEmulator } from '../../../emulator';
import { USERS } from '../../../emulator/jira/catalog';
import { parseManifest } from '../../../emulator/forge/manifest';
import { createIssue } from '../../../emulator/server/actions';

const MANIFEST = `
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000001
  runtime: { name: nodejs22.x }
modules:
  function:
    - { key: comment-fn, handler: index.onComment }
    - { key: check-fn, handler: index.check }
  trigger:
    - { key: comments, function: comment-fn, events: [avi:jira:commented:issue] }
  jira:issuePanel:
    - { key: panel, resource: panel, resolver: { function: check-fn }, title: Check, icon: "resource:panel;icon.svg" }
resources:
  - { key: panel, path: static/issue-panel/build }
permissions:
  scopes: []
`;

const functions: Record<string, (...args: unknown[]) => unknown> = {
  async onComment(event: unknown) {
    const id = (event as { comment?: { id?: string } }).comment?.id ?? 'none';
    // Slower than comments are acknowledged, so a backlog of queued events builds up.
    await new Promise((r) => setTimeout(r, 40));
    await kvs.set(`seen-${id}`, true);
  },
  async check(req: unknown) {
    const ids = ((req as { call: { payload: { ids?: string[] } } }).call.payload.ids ?? []);
    const missing: string[] = [];
    for (const id of ids) if ((await kvs.get(`seen-${id}`)) !== true) missing.push(id);
    return { missing };
  },
};

async function main(): Promise<void> {
  const [stateDir, port] = process.argv.slice(2);
  const running = await startEmulator({
    root: process.cwd(), port: Number(port), stateDir: stateDir ?? null, seed: false,
    manifest: parseManifest(MANIFEST), loadFunction: (_file, name) => functions[name] ?? (() => undefined),
  });
  const { emu } = running;
  // One invocation at a time (Forge runs several), so the storm outpaces the trigger and a backlog builds.
  if (emu.runtime) emu.runtime.pump.parallelism = 1;
  if (!emu.restoredFromDisk) {
    await emu.atomically(async () => {
      emu.site.addProject({ key: 'SUP', name: 'Support', projectTypeKey: 'service_desk', leadAccountId: USERS.admin, admins: [] });
      createIssue(emu, { project: 'SUP', summary: 'Storm target' });
    });
  }
  console.log(`READY ${running.url}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
