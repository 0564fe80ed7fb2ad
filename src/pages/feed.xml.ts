import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../site/archive.ts';
import { SITE } from '../site/config.ts';
import { url } from '../site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const a = await getArchive();
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: site ?? 'https://example.invalid',
    items: a.filings.slice(0, 50).map((f) => ({
      title: f.data.title,
      link: url(`filings/${f.id}/`),
      pubDate: new Date(
        `${f.data.date.length === 4 ? `${f.data.date}-01-01` : f.data.date.length === 7 ? `${f.data.date}-01` : f.data.date}T00:00:00Z`,
      ),
      description: `${f.data.kind}・${[f.data.department.bureau, f.data.department.section].filter(Boolean).join(' ')}`,
    })),
    customData: '<language>ja</language>',
  });
};
