import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in web/ and is served by `guatu serve` from web/dist; every asset is local.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
