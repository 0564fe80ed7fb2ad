/**
 * Shared by the browser tests: the frozen seed archive built
 * under a sub-path base and served on loopback, a tab that records errors, and axe.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite } from './build-site.ts';
export { run } from './chromium.ts';

export const BASE = '/archive/';
export const WIDTHS = [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
] as const;

const AXE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** The seed archive built under BASE, served, with a browser. */
export interface Site {
  dist: string;
  origin: string;
  server: Server;
  browser: Browser;
}

/** Build (once per run), serve and launch. */
export async function startSite(options: { contentDir?: string } = {}): Promise<Site> {
  const dist = await buildSite({ base: BASE, ...options });
  const { server, origin } = await serveStatic(dist, BASE);
  const browser = await launchBrowser();
  return { dist, origin, server, browser };
}

/**
 * The page's console errors and page errors as they come, and (unless `requests` is false)
 * failed requests; a request cancelled by a navigation (ERR_ABORTED) is not a failure of the page.
 */
export function collectErrors(page: Page, options: { requests?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.requests !== false)
    page.on('requestfailed', (r) => {
      if (!/ERR_ABORTED/u.test(r.failure()?.errorText ?? '')) errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
  return errors;
}

/** Open `p` (a path under the base) at a width; console errors, page errors and failed requests are collected. */
export async function open(site: Site, p: string, width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const errors = collectErrors(page);
  const response = await page.goto(site.origin + BASE + p.replace(/^\//u, ''));
  expect(response?.status(), p).toBe(200);
  return { page, errors };
}

/** axe-core's WCAG 2.2 AA violations on the page. */
export async function axe(page: Page): Promise<Array<{ id: string; nodes: number; help: string }>> {
  // Injected through the DevTools protocol: the page's CSP (rightly) refuses inline script.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
  });
}

/** True when nothing on the page is wider than the window (tables scroll inside their wrapper). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}
