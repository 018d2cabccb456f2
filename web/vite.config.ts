import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

/**
 * The EduGov web app. In development `/api` is proxied to the server, http://localhost:3000 unless
 * EDUGOV_API_URL says otherwise. The build goes to web/dist, which the server serves.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', 'EDUGOV_');
  return {
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target: env.EDUGOV_API_URL ?? 'http://localhost:3000' },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than the app: separate chunks stay cached across releases.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
              { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
              // pdf.js stays out of the shared chunk: it loads only with the PDF preview.
              { name: 'vendor', test: /node_modules[\\/](?!pdfjs-dist[\\/])/ },
            ],
          },
        },
      },
    },
  };
});
