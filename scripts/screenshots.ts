/**
 * `npm run screenshots -- [DIST] [OUT]`: screenshots of each page type at desktop and phone
 * width, to look at what a reader sees.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve(process.argv[3] ?? 'screenshots');
const pages = (process.env['PAGES'] ?? '/,/filings/,/departments/,/contractors/,/items/').split(',');
mkdirSync(out, { recursive: true });
const { server, origin } = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const p of pages) {
      await page.goto(origin + p);
      const file = path.join(out, `${name}-${p.replace(/[^a-z0-9]+/giu, '_') || 'home'}.png`);
      await page.screenshot({ path: file, fullPage: process.env['FULL'] === '1' });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
