/**
 * Link checker for a built site: every internal href/src in every HTML page must reach a file
 * in `dist/` (under the base path), and every #fragment an element with that id.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const parser = unified().use(rehypeParse);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (el: Element) => {
    const id = el.properties['id'];
    if (typeof id === 'string') ids.add(id);
  });
  return ids;
}

/** Check every page in `dist` served at `base` (e.g. `/archive/`). */
export function checkLinks(dist: string, base: string): { pages: number; links: number; broken: BrokenLink[] } {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const trees = new Map<string, Root>();
  const tree = (file: string): Root => {
    let t = trees.get(file);
    if (!t) {
      t = parser.parse(readFileSync(file, 'utf8'));
      trees.set(file, t);
    }
    return t;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  const pages = htmlFiles(dist);
  for (const page of pages) {
    const pageUrl = new URL(
      prefix +
        path
          .relative(dist, page)
          .split(path.sep)
          .join('/')
          .replace(/index\.html$/u, ''),
      'http://site.invalid',
    );
    visit(tree(page), 'element', (el: Element) => {
      for (const attr of ['href', 'src']) {
        const value = el.properties[attr];
        if (typeof value !== 'string' || value === '') continue;
        if (/^(mailto|tel|data):/iu.test(value)) continue;
        const target = new URL(value, pageUrl);
        if (target.host !== 'site.invalid') continue;
        links++;
        const report = (reason: string): void => void broken.push({ page: path.relative(dist, page), href: value, reason });
        if (!target.pathname.startsWith(prefix)) {
          report(`outside the base path ${prefix}`);
          continue;
        }
        let file = path.join(dist, decodeURIComponent(target.pathname.slice(prefix.length)));
        if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
        if (!existsSync(file)) {
          report('no such file');
          continue;
        }
        if (target.hash && file.endsWith('.html') && !idsOf(tree(file)).has(decodeURIComponent(target.hash.slice(1))))
          report(`no element with id ${target.hash}`);
      }
    });
  }
  return { pages: pages.length, links, broken };
}
