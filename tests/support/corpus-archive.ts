/**
 * A municipality's archive made by the corpus generator (scripts/lib/bench/corpus.ts) and the importer,
 * with its own content/archive.yaml: the portal tests build three of them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateCorpus } from '../../scripts/lib/bench/corpus.ts';
import { runImport } from '../../scripts/lib/import-run.ts';
import { seedClauseSets } from '../../scripts/lib/bench/seed-clauses.ts';

export interface Municipality {
  municipality: string;
  council: string;
  ordinance: string;
}

/** The content folder of `n` generated filings (seed `seed`) imported for `m`. */
export async function corpusContent(m: Municipality, n: number, seed: number): Promise<string> {
  const work = mkdtempSync(path.join(tmpdir(), 'corpus-archive-'));
  const raw = path.join(work, 'raw');
  const content = path.join(work, 'content');
  mkdirSync(raw, { recursive: true });
  for (const [name, text] of generateCorpus(n, seed, seedClauseSets())) writeFileSync(path.join(raw, name), text);
  const errors: string[] = [];
  const code = await runImport(['--out', content, raw], { stdout: () => {}, stderr: (s) => errors.push(s) });
  if (code !== 0) throw new Error(`import of the generated corpus failed:\n${errors.join('')}`);
  writeFileSync(path.join(content, 'archive.yaml'), stringify(m));
  return content;
}
