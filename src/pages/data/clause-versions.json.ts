import type { APIRoute } from 'astro';
import { getClauseData } from '../../site/clauses.ts';
import { getOriginals } from '../../site/originals.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { versions } = await getClauseData();
  const originals = await getOriginals();
  const data = versions.map((v) => ({
    id: v.id,
    name: v.name,
    clauses: v.clauses.map((c) => ({ number: c.number, heading: c.heading ?? null, text: c.text, ...(c.items ? { items: c.items } : {}) })),
    filings: v.filings.map((f) => f.id),
    // Clause sets published on their own with this wording (content/clauses/<id>.md).
    published: v.published.map((p) => {
      const original = originals.of(p.data.source);
      return {
        id: p.id,
        title: p.data.title,
        date: p.data.date ?? null,
        date_text: p.data.date_text ?? null,
        source: p.data.source ? { ...p.data.source, url: original ? absoluteUrl(`sources/${original.name}`, site) : null } : null,
      };
    }),
    first: v.first,
    last: v.last,
    predecessor: v.predecessor ?? null,
  }));
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
