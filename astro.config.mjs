// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { hostingBase, hostingSite, siteWarning } from './src/lib/hosting.ts';

/** Base path (ARCHIVE_BASE, e.g. `/archive/`) and absolute site URL (ARCHIVE_SITE), checked in src/lib/hosting.ts. */
const base = hostingBase();
const site = hostingSite();
// Said once per build (Astro reads this file once), so it is not lost in the page list.
const warning = siteWarning();
if (warning) console.warn(warning);

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
