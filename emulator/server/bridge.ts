/**
 * Server side of the @forge/bridge shim: `invoke` runs the module's resolver as the host page's
 * current user; `fetchProduct` is the UI's requestJira, which always acts as that user.
 */
import type { Emulator } from '../app';
import { extensionFor, type GadgetRef } from './control';

type Reply = { status: number; body: unknown };
type Body = Record<string, unknown>;

export async function handleBridge(emu: Emulator, path: string, raw: unknown, accountId: string): Promise<Reply> {
  const b = (raw && typeof raw === 'object' ? raw : {}) as Body;
  if (path === '/bridge/context') return { status: 200, body: context(emu, b, accountId) };
  if (path === '/bridge/invoke') return invoke(emu, b, accountId);
  if (path === '/bridge/fetchProduct') return fetchProduct(emu, b, accountId);
  return { status: 404, body: { message: `not emulated: bridge ${path}` } };
}

function context(emu: Emulator, b: Body, accountId: string): unknown {
  const user = emu.site.user(accountId);
  const moduleKey = String(b.moduleKey ?? '');
  const theme = b.theme === 'dark' ? 'dark' : 'light';
  return {
    accountId, accountType: user?.accountType === 'customer' ? 'customer' : 'licensed', cloudId: 'emulator', environmentId: 'emulator-env',
    environmentType: 'DEVELOPMENT', localId: `${moduleKey}-local`, locale: 'en-US', moduleKey, siteUrl: emu.ctx.base,
    timezone: user?.timeZone ?? 'UTC', theme: { colorMode: theme }, surfaceColor: theme === 'dark' ? '#22272B' : '#FFFFFF',
    extension: extensionFor(emu, moduleKey, str(b.issueId), str(b.projectId) ?? projectOfIssue(emu, str(b.issueId)), gadgetOf(b)),
    // Not part of Forge: lets a UI tick on emulator time even without a server timestamp.
    emulator: { clockOffsetMs: emu.clock.offsetMs(), now: emu.clock.now() },
  };
}

async function invoke(emu: Emulator, b: Body, accountId: string): Promise<Reply> {
  if (!emu.runtime) return { status: 503, body: { message: 'no Forge runtime (manifest.yml missing)' } };
  const moduleKey = String(b.moduleKey ?? '');
  const issueId = str(b.issueId);
  const extension = extensionFor(emu, moduleKey, issueId, str(b.projectId) ?? projectOfIssue(emu, issueId), gadgetOf(b));
  try {
    const result = await emu.runtime.invokeResolver({ moduleKey, accountId, functionKey: String(b.functionKey ?? ''), payload: b.payload ?? {}, extension });
    return { status: 200, body: { ok: true, result: result ?? null } };
  } catch (e) {
    emu.log(`resolver ${moduleKey}/${String(b.functionKey)}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return { status: 200, body: { ok: false, message: e instanceof Error ? e.message : String(e) } };
  }
}

function fetchProduct(emu: Emulator, b: Body, accountId: string): Reply {
  const init = (b.fetchRequestInit ?? {}) as { method?: string; body?: unknown };
  const url = new URL(String(b.restPath ?? '/'), 'http://jira.invalid');
  let body: unknown = init.body;
  if (typeof body === 'string' && body) { try { body = JSON.parse(body) as unknown; } catch { /* keep text */ } }
  const r = emu.jira({ method: (init.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, body, accountId });
  return { status: 200, body: { status: r.status, statusText: String(r.status), headers: { 'content-type': 'application/json', ...r.headers }, body: r.status === 204 ? '' : JSON.stringify(r.body ?? null) } };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The gadget the host page framed, with the configuration the host page keeps for it. */
function gadgetOf(b: Body): GadgetRef | undefined {
  const id = str(b.gadgetId);
  if (!id) return undefined;
  const configuration = typeof b.gadgetConfig === 'object' && b.gadgetConfig !== null ? (b.gadgetConfig as Record<string, unknown>) : {};
  return { id, entryPoint: b.entryPoint === 'edit' ? 'edit' : 'view', configuration };
}

function projectOfIssue(emu: Emulator, issueId: string | undefined): string | undefined {
  return issueId ? emu.site.issue(issueId)?.projectId : undefined;
}
