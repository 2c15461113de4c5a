/**
 * Build of the dashboard gadget: `vite build -c static/dashboard-gadget/vite.config.ts` from the repo root.
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
  plugins: [react()],
  build: {
    outDir: resolve(root, 'build'),
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 300,
  },
});
