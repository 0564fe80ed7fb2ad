/** The originals (`/sources/<first 16 hex of SHA-256><extension>`), byte for byte as imported. */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Original } from '../../lib/record/originals-fs.ts';
import { getOriginals } from '../../site/originals.ts';

export const getStaticPaths = (async () => {
  const { published } = await getOriginals();
  return published.map((original) => ({ params: { file: original.name }, props: { original } }));
}) satisfies GetStaticPaths;

const TYPES: Record<Original['type'], string> = {
  text: 'text/plain',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/plain; charset=utf-8', // never text/html: an original is untrusted (see src/lib/record/originals-fs.ts)
};

export const GET: APIRoute<{ original: Original }> = ({ props }) =>
  new Response(readFileSync(props.original.file), { headers: { 'Content-Type': TYPES[props.original.type] } });
