// @ts-check
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { hostingBase, hostingSite, siteWarning } from './src/lib/publish/hosting.ts';

/** Base path (ARCHIVE_BASE, e.g. `/archive/`) and absolute site URL (ARCHIVE_SITE), checked in src/lib/publish/hosting.ts. */
const base = hostingBase();
const site = hostingSite();
// Said once per build (Astro reads this file once), so it is not lost in the page list.
// A portal (npm run portal, src/lib/portal/build-fs.ts) is built from src/portal with the data file it names.
const portal = process.env.ARCHIVE_PORTAL;
const warning = portal ? undefined : siteWarning();
if (warning) console.warn(warning);

export default defineConfig({
  site,
  base,
  // The portal's root is its own folder, so its generated types (.astro/) do not replace the archive's.
  ...(portal
    ? {
        root: fileURLToPath(new URL('./src/portal/', import.meta.url)),
        srcDir: fileURLToPath(new URL('./src/portal/', import.meta.url)),
        publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
      }
    : {}),
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
