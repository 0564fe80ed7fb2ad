/**
 * The folders' boundaries (eslint.config.js): each crossing is an error naming the boundary, and
 * what the boundary allows lints clean. The files are not written: ESLint lints the text as if it
 * stood at that path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages of the import-boundary rule for `code` placed at `file`. */
async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    [
      'core imports nothing of ours outside core',
      'src/lib/core/x.ts',
      "import { viewRows } from '../views/view.ts';",
      /core\/ imports nothing/u,
    ],
    [
      'a pure module reads no file',
      'src/lib/clauses/x.ts',
      "import { readFileSync } from 'node:fs';",
      /file I\/O only in modules named \*-fs\.ts/u,
    ],
    ['a view reads no file', 'src/lib/views/x.ts', "import { readFileSync } from 'fs';", /file I\/O only/u],
    [
      'a view calls no *-fs.ts module',
      'src/lib/views/x.ts',
      "import { loadRecords } from '../record/load-fs.ts';",
      /views, charts and rendering do no file I\/O/u,
    ],
    [
      'a chart calls no *-fs.ts module',
      'src/lib/charts/x.ts',
      "import { loadRegistries } from '../record/registry-fs.ts';",
      /do no file I\/O/u,
    ],
    [
      'the browser search has no Node',
      'src/lib/search/x.ts',
      "import { createHash } from 'node:crypto';",
      /runs in the browser: no Node modules/u,
    ],
    ['the browser code has no Node', 'src/browser/x.ts', "import path from 'path';", /runs in the browser: no Node modules/u],
    [
      'the browser code has no indexer',
      'src/browser/x.ts',
      "import { buildSearchIndex } from '../lib/search/indexer/indexer.ts';",
      /indexer is build-time code/u,
    ],
    [
      'decoding imports no later stage',
      'src/lib/import/decode/x.ts',
      "import { normalise } from '../normalise.ts';",
      /decoding is the first stage/u,
    ],
    [
      'decoding imports no recogniser',
      'src/lib/import/decode/x.ts',
      "import { recognise } from '../recognise/recognise.ts';",
      /decoding is the first stage/u,
    ],
    [
      'recognising the form imports no body',
      'src/lib/import/recognise/x.ts',
      "import { buildBody } from '../body/body.ts';",
      /recognising the form comes before building the body/u,
    ],
    [
      'building the body imports no facts',
      'src/lib/import/body/x.ts',
      "import { parseItems } from '../facts/fields.ts';",
      /building the body comes before reading the facts/u,
    ],
    [
      "import's shared pieces import no stage",
      'src/lib/import/lines.ts',
      "import { normalise } from './normalise.ts';",
      /shared pieces .* import no stage/u,
    ],
    [
      'src/lib/ never imports the site',
      'src/lib/views/x.ts',
      "import { archive } from '../../site/archive.ts';",
      /src\/lib\/ is below the site/u,
    ],
  ])('%s', async (_what, file, code, message) => {
    const found = await crossings(file, code);
    expect(
      found.some((m) => message.test(m)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['core within core', 'src/lib/core/x.ts', "import { nfkc } from './text.ts';"],
    ['a *-fs.ts module reads files', 'src/lib/record/x-fs.ts', "import { readFileSync } from 'node:fs';"],
    ['the indexer reads files', 'src/lib/search/indexer/x.ts', "import { readFileSync } from 'node:fs';"],
    ['a view takes a type from a *-fs.ts module', 'src/lib/views/x.ts', "import type { Tokenizer } from '../core/tokenizer-fs.ts';"],
    [
      'the browser search takes a reading type from the tokenizer',
      'src/lib/search/x.ts',
      "import type { Token } from '../core/tokenizer-fs.ts';",
    ],
    [
      'decoding uses the shared pieces',
      'src/lib/import/decode/x.ts',
      "import { joinWrapped } from '../lines.ts';\nimport type { SourceLine } from '../source.ts';",
    ],
    ['the body uses what recognising found', 'src/lib/import/body/x.ts', "import { bareHeading } from '../recognise/headings.ts';"],
    ['a later stage uses decoding', 'src/lib/import/normalise.ts', "import { decode } from './decode/decode.ts';"],
    [
      'the site uses src/lib/',
      'src/site/x.ts',
      "import { readFileSync } from 'node:fs';\nimport { buildArchive } from '../lib/crosslinks/archive.ts';",
    ],
  ])('allows: %s', async (_what, file, code) => {
    expect(await crossings(file, code)).toEqual([]);
  });
});
