/**
 * The one Vite configuration of every Custom UI app: `vite build -c static/<app>/vite.config.ts` from
 * the repo root. Paths resolve from the app's folder; asset URLs are relative because Forge serves each
 * build from a sub-path of its CDN.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

export function appConfig(root: string, chunkSizeWarningLimit = 300): UserConfig {
  const publicDir = resolve(root, 'public');
  return defineConfig({
    root,
    base: './',
    ...(existsSync(publicDir) ? { publicDir } : {}),
    plugins: [react()],
    // The UIs reach the core only through its browser entry, the backend only through the contract.
    resolve: {
      alias: [
        { find: /^@core\/browser$/, replacement: resolve(root, '../../src/core/browser.ts') },
        { find: /^@contract$/, replacement: resolve(root, '../../src/contract/index.ts') },
        // Only the bridge modules the UIs call (see static/shared/forgeBridge.ts).
        { find: /^@forge\/bridge$/, replacement: resolve(root, '../shared/forgeBridge.ts') },
      ],
    },
    build: { outDir: resolve(root, 'build'), emptyOutDir: true, reportCompressedSize: true, chunkSizeWarningLimit },
  });
}
