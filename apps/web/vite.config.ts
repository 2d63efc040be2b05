import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm start` (or a stack you run yourself) serves the gateway; the dev server proxies to it. */
const gateway = process.env['BONFIRE_GATEWAY_URL'] ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  // Workspace libraries are bundled from their TypeScript sources (the `@bonfire/source` export condition).
  resolve: { conditions: ['@bonfire/source', 'browser', 'module', 'import', 'default'] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/realtime': { target: gateway, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
});
