/**
 * Build of the issue sidebar summary: `vite build -c static/issue-context/vite.config.ts` from the repo root.
 * Paths resolve from this file's folder; relative asset URLs because Forge serves the build from
 * a sub-path of its CDN.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  root,
  base: './',
  publicDir: resolve(root, 'public'),
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
    chunkSizeWarningLimit: 300,
  },
});
