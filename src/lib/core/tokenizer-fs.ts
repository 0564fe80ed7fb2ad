/**
 * kuromoji, loaded once per process (its dictionary is 18 MB: build time only, never shipped
 * to browsers).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';

export type Token = kuromoji.IpadicFeatures;
export type Tokenizer = kuromoji.Tokenizer<Token>;

let pending: Promise<Tokenizer> | undefined;

/** The shared tokenizer. */
export function getTokenizer(): Promise<Tokenizer> {
  pending ??= new Promise((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
    kuromoji
      .builder({ dicPath })
      .build((err, tokenizer) => (err ? reject(new Error('kuromoji could not load its dictionary', { cause: err })) : resolve(tokenizer)));
  });
  return pending;
}
