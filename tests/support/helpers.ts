/** Shared test fixtures: the raw seed filings and helpers to run the importer on them. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseFiling, type ParsedFiling } from '../../src/lib/import/parse-filing.ts';

export const SEED_DIR = path.resolve('tests/fixtures/seeds');
export const SEED_FILES = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The text of a seed by file-name prefix (`000`, `001`, …). */
export function seed(prefix: string): { file: string; text: string; bytes: Buffer } {
  const file = SEED_FILES.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const bytes = readFileSync(path.join(SEED_DIR, file));
  return { file, text: bytes.toString('utf8'), bytes };
}

/** Parse a text as the importer would. */
export function parse(text: string, file = 'test.txt'): ParsedFiling {
  return parseFiling(text, { file, sha256: createHash('sha256').update(text).digest('hex') });
}
