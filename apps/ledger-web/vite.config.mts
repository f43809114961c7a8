import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app is served by the API under /app/ (see the API's web-app folder): hashed assets
 * under /app/assets/, every page path under /app/ answered with index.html.
 */
export default defineConfig({
  root: here('.'),
  base: '/app/',
  resolve: {
    alias: {
      // The offline verifier has no Node-only imports: the browser runs the same code as the CLI.
      '@cohesion/merkle/verifier': here('../../libs/merkle/src/verifier/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // The size budget is measured gzipped by scripts/measure-bundle.mts, not by this warning.
    chunkSizeWarningLimit: 1024,
    sourcemap: false,
    rolldownOptions: {
      // React Router and react-intl mark their modules "use client" (for server components):
      // meaningless in a browser bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  test: {
    root: here('.'),
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-support/setup.ts'],
  },
});
