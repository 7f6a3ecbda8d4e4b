import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { sourceFiles } from './scripts/source-files.mjs';

// DESIGN.md "The house": main, preload and renderer each have their own root.
export default defineConfig({
  main: {
    // Data files main's modules find beside their source (the vendor profile's OpenAPI) are carried
    // into out/main with them.
    plugins: [sourceFiles()],
    build: {
      outDir: 'out/main',
      // The embedded platform's thread (electron/main/embeddedWorker.ts, the module the browser
      // host runs too) is built beside main's entry: embedded.ts starts it from there.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts'), 'embedded-worker': resolve(__dirname, 'electron/main/embeddedWorker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified, and a manifest of the chunks (each navigation area is one, see app/areas.ts)
      // so the bench can report what the first screen loads.
      minify: true,
      manifest: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
