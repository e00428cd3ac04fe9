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
  },
});
