import type { APIRoute } from 'astro';
import { getClauseData } from '../../site/clauses.ts';

export const GET: APIRoute = async () => {
  const { versions } = await getClauseData();
  const data = versions.map((v) => ({
    id: v.id,
    name: v.name,
    clauses: v.clauses.map((c) => ({ number: c.number, heading: c.heading ?? null, text: c.text, ...(c.items ? { items: c.items } : {}) })),
    filings: v.filings.map((f) => f.id),
    first: v.first,
    last: v.last,
    predecessor: v.predecessor ?? null,
  }));
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
