/**
 * Static files: the host page (emulator/host) and the Custom UI builds named by manifest.yml's
 * resources, with the @forge/bridge shim injected into each app's index.html ahead of its bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Emulator } from '../app';

const TYPES: Record<string, string> = {
  '.html': 'text/html;charset=UTF-8', '.js': 'text/javascript;charset=UTF-8', '.mjs': 'text/javascript;charset=UTF-8', '.css': 'text/css;charset=UTF-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.map': 'application/json',
};

const HOST_DIR = join(__dirname, '..', 'host');
const SHIM_TAG = '<script src="/host/bridge-shim.js"></script>';

function notFound(res: ServerResponse, what: string): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end(`not found: ${what}`);
}

/** Resolves `rel` under `dir`, refusing anything that climbs out of it. */
function safeJoin(dir: string, rel: string): string | null {
  const full = normalize(join(dir, rel));
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

function sendFile(res: ServerResponse, file: string, transform?: (text: string) => string): void {
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(res, file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const data = readFileSync(file);
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(transform ? transform(data.toString('utf8')) : data);
}

export function injectShim(html: string): string {
  const at = html.search(/<script/i);
  if (at >= 0) return html.slice(0, at) + SHIM_TAG + html.slice(at);
  return html.replace(/<\/head>/i, `${SHIM_TAG}</head>`);
}

export function serveApp(emu: Emulator, path: string, res: ServerResponse): void {
  const m = /^\/apps\/([^/]+)(\/.*)?$/.exec(path);
  const module = emu.runtime?.manifest.uiModules.find((u) => u.key === m?.[1]);
  if (!m || !module) return notFound(res, `UI module ${m?.[1] ?? ''} (is it in manifest.yml?)`);
  const dir = join(emu.options.root, module.resourcePath);
  const rel = !m[2] || m[2] === '/' ? '/index.html' : m[2];
  const file = safeJoin(dir, decodeURIComponent(rel));
  if (!file) return notFound(res, rel);
  if (!existsSync(join(dir, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end(`${module.resourcePath} has not been built: run npm run build:ui`);
    return;
  }
  sendFile(res, file, file.endsWith('index.html') ? injectShim : undefined);
}

export function serveHost(path: string, res: ServerResponse): void {
  const rel = path === '/' || !path.startsWith('/host/') ? 'index.html' : path.slice('/host/'.length);
  const file = safeJoin(HOST_DIR, rel);
  if (!file) return notFound(res, path);
  sendFile(res, file);
}
