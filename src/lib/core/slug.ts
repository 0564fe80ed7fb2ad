/**
 * ASCII slugs for Japanese names: the kuromoji reading in romaji (戸籍住民課 → koseki-jumin-ka),
 * so URLs are readable and stable. Latin letters and digits are kept as they are.
 */
import { toRomaji } from 'wanakana';
import { nfkc } from './text.ts';
import type { Tokenizer } from './tokenizer-fs.ts';

/** Lower-case ASCII slug from any text; kanji are read with the tokenizer. */
export function slugify(text: string, tokenizer: Tokenizer): string {
  const parts = tokenizer.tokenize(nfkc(text)).map((t) => {
    const reading = t.reading && t.reading !== '*' ? t.reading : t.surface_form;
    return toRomaji(reading, { upcaseKatakana: false });
  });
  return capSlug(asciiSlug(parts.join('-')), text);
}

/** Longest slug kept whole: file names are limited to 255 bytes, and URLs should stay readable. */
export const MAX_SLUG = 60;

/**
 * Cut an over-long slug at a word boundary and add a short hash of the full text, so two long
 * names that share a beginning still get different slugs.
 */
export function capSlug(slug: string, text: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const head = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
  return `${head}-${shortHash(text)}`;
}

/** Keep a-z, 0-9 and single hyphens. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .replace(/-{2,}/gu, '-');
}

/**
 * Hands out unique slugs: the same key always gets the same slug; two keys whose slugs
 * collide are told apart by a short hash of the key, so neither depends on the other's order.
 */
export class SlugAllocator {
  private readonly byKey = new Map<string, string>();
  private readonly owners = new Map<string, Set<string>>();

  constructor(private readonly make: (key: string) => string) {}

  /** Register a key; call for every key before reading slugs. */
  add(key: string, preferred?: string): void {
    if (this.byKey.has(key)) return;
    const slug = capSlug(preferred ? asciiSlug(preferred) : this.make(key) || 'x', key);
    this.byKey.set(key, slug);
    const set = this.owners.get(slug) ?? new Set();
    set.add(key);
    this.owners.set(slug, set);
  }

  /** The slug of a registered key. */
  get(key: string): string {
    const slug = this.byKey.get(key);
    if (slug === undefined) throw new Error(`no slug registered for ${key}`);
    const owners = this.owners.get(slug);
    return owners && owners.size > 1 ? `${slug}-${shortHash(key)}` : slug;
  }
}

function shortHash(text: string): string {
  // FNV-1a: a small stable hash; this is not security-relevant.
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}
