// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

/** Base path (ARCHIVE_BASE, e.g. `/archive/`) and absolute site URL (ARCHIVE_SITE) for hosting anywhere. */
const base = process.env.ARCHIVE_BASE ?? '/';
const site = process.env.ARCHIVE_SITE ?? 'https://example.invalid';

export default defineConfig({
  site,
  base,
  // Separate caches let tests build several archives at once.
  ...(process.env.ARCHIVE_CACHE_DIR ? { cacheDir: process.env.ARCHIVE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // No inline scripts or styles: every page runs under a Content-Security-Policy without
  // 'unsafe-inline' (see src/layouts/Base.astro).
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  output: 'static',
  integrations: [sitemap()],
});
