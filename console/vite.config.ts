import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The console is built into the Maven module's classes (static/), which the service serves at '/'.
// `npm run dev` proxies the API to a service started with `./pathwise serve` (PATHWISE_URL, default port 8080).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/v1': process.env.PATHWISE_URL ?? 'http://localhost:8080',
      '/actuator': process.env.PATHWISE_URL ?? 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    // a component test renders and clicks in jsdom; on a busy two-core machine one took 9.7 s, so the default 5 s
    // limit failed tests that were right. A limit still ends a test that hangs.
    testTimeout: 60_000,
  },
});
