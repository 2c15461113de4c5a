/**
 * The emulator's HTTP face on loopback: Jira REST (/rest/api/3), the control API (/control), the
 * bridge endpoints the UI shim calls (/bridge), the Custom UI builds (/apps/<moduleKey>/) and the
 * host page (/).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Emulator } from '../app';
import { UNAUTHENTICATED } from '../jira/api';
import { USERS } from '../jira/catalog';
import { handleBridge } from './bridge';
import { handleControl, type Reseed } from './control';
import { serveApp, serveHost } from './static';

export interface HttpContext { emu: Emulator; reseed: Reseed }

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try { return JSON.parse(text) as unknown; } catch { return text; }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/**
 * Who is calling: the X-Emulator-User header, the host page's user cookie, or basic auth (accountId
 * or email); with no credentials at all, the admin (a convenience for curl). Credentials naming no
 * user are passed on as they are, so the request is refused with Jira's 401 instead of silently
 * acting as someone else.
 */
export function callerOf(req: IncomingMessage, emu: Emulator): string {
  const header = req.headers['x-emulator-user'];
  if (typeof header === 'string') return header;
  const cookie = /(?:^|;\s*)emu_user=([^;]+)/.exec(req.headers.cookie ?? '');
  if (cookie) return decodeURIComponent(cookie[1] ?? '');
  const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (auth) {
    const user = Buffer.from(auth[1] ?? '', 'base64').toString().split(':')[0] ?? '';
    return emu.site.data.users.find((u) => u.accountId === user || u.emailAddress === user)?.accountId ?? user;
  }
  return USERS.admin;
}


/** Writes are acknowledged only once the state file holds them (see Emulator.persist). */
async function reply(ctx: HttpContext, res: ServerResponse, method: string, r: { status: number; body?: unknown; headers?: Record<string, string> }): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') await ctx.emu.flush();
  sendJson(res, r.status, r.body, r.headers);
}

async function route(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  if (path.startsWith('/rest/')) {
    const body = await readBody(req);
    return reply(ctx, res, method, ctx.emu.jira({ method, path, query: url.searchParams, body, accountId: callerOf(req, ctx.emu) }));
  }
  if (path.startsWith('/control/')) {
    const body = await readBody(req);
    return reply(ctx, res, method, await handleControl(ctx.emu, method, path, (body && typeof body === 'object' ? body : {}) as Record<string, unknown>, ctx.reseed));
  }
  if (path.startsWith('/bridge/')) {
    const caller = callerOf(req, ctx.emu);
    return reply(ctx, res, method, ctx.emu.site.user(caller) ? await handleBridge(ctx.emu, path, await readBody(req), caller) : UNAUTHENTICATED);
  }
  if (path.startsWith('/apps/')) return serveApp(ctx.emu, path, res);
  return serveHost(path, res);
}

/** `ctx` may be a promise: requests that arrive while the emulator is starting wait for it. */
export function startHttp(ctx: HttpContext | (() => HttpContext | Promise<HttpContext>), port: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    void Promise.resolve(typeof ctx === 'function' ? ctx() : ctx).then((c) => route(c, req, res).catch((e: unknown) => {
      c.emu.log(`HTTP ${req.method} ${req.url}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { errorMessages: ['Emulator error: ' + (e instanceof Error ? e.message : String(e))], errors: {} });
      else res.end();
    }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
