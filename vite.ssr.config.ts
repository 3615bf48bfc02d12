import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server renderer (src/entries/server/render-page.tsx): the app's components for Node, in
// dist-ssr/, imported by server/server-render.mjs. Dependencies stay in node_modules.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    ssr: 'src/entries/server/render-page.tsx',
    outDir: 'dist-ssr',
    emptyOutDir: true,
    target: 'node20',
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: '[name].js' } },
  },
});
