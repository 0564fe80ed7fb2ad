/** Two builds of the same content give byte-identical dist/ folders. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

describe('reproducible build', () => {
  it('two builds of the seed archive are byte-identical, search index included', async () => {
    const a = await buildSite({ fresh: 'first' });
    const b = await buildSite({ fresh: 'second' });
    expect(a).not.toBe(b);
    const fa = files(a);
    expect(files(b)).toEqual(fa);
    const differing = fa.filter((f) => !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
    expect(differing).toEqual([]);
    expect(fa.some((f) => f.startsWith('pagefind/'))).toBe(true);
  }, 300_000);
});
