/**
 * Build of the project settings page: `vite build -c static/project-settings/vite.config.ts` from
 * the repo root. Paths resolve from this file's folder; relative asset URLs because Forge serves
 * the build from a sub-path of its CDN.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // The UIs reach the core only through its browser entry, the backend only through the contract.
  resolve: {
    alias: [
      { find: /^@core\/browser$/, replacement: resolve(root, '../../src/core/browser.ts') },
      { find: /^@contract$/, replacement: resolve(root, '../../src/contract/index.ts') },
    ],
  },
  build: {
    outDir: resolve(root, 'build'),
    emptyOutDir: true,
    reportCompressedSize: true,
    // React DOM, @forge/bridge and the token runtime are ~250 kB of this; the six editors add ~60 kB,
    // and the core's validator with the browser calendar engine (one validator for page and server) ~50 kB.
    chunkSizeWarningLimit: 380,
  },
});
