/**
 * The importer on its case folders: `tests/fixtures/import/<case>/` holds the input (`input.txt`,
 * `input.pdf`, `input.docx`, `input.html`), optionally the municipality's `archive.yaml` and a
 * `case.yaml` ({ date, id }), and what importing it must give: `expected.md` (the record file, or
 * `not imported`) and `expected-messages.txt` (every warning and error, and for a file that is
 * not imported the account of what was recognised).
 *
 * The expectations are regenerated only on purpose:
 *   UPDATE_IMPORT_CASES=1 npx vitest run tests/import/cases.test.ts
 * then read the diff (`git diff tests/fixtures/import`) before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseArchiveConfig } from '../../src/lib/record/config.ts';
import { importDocument } from '../../src/lib/import/importer.ts';

export const CASES = path.resolve('tests/fixtures/import');
const UPDATE = process.env['UPDATE_IMPORT_CASES'] === '1';

/** Every case folder with an input. */
export function caseFolders(): Array<{ name: string; dir: string; input: string }> {
  return readdirSync(CASES)
    .sort()
    .map((name) => ({ name, dir: path.join(CASES, name) }))
    .flatMap(({ name, dir }) => {
      const input = readdirSync(dir).find((f) => /^input\./u.test(f));
      return input ? [{ name, dir, input }] : [];
    });
}

/** Import one case as the command line would, and render what it gives as the expectation files hold it. */
export async function runCase(
  dir: string,
  input: string,
): Promise<{ record: string; messages: string; imported: Awaited<ReturnType<typeof importDocument>> }> {
  const configFile = path.join(dir, 'archive.yaml');
  const config = existsSync(configFile) ? parseArchiveConfig(readFileSync(configFile, 'utf8'), configFile) : DEFAULT_CONFIG;
  const caseFile = path.join(dir, 'case.yaml');
  const options = existsSync(caseFile) ? ((parseYaml(readFileSync(caseFile, 'utf8')) ?? {}) as { id?: string; date?: string }) : {};
  const imported = await importDocument(readFileSync(path.join(dir, input)), { file: input, config, ...options });
  const messages = [
    ...imported.warnings.map((w) => `warning: ${w}`),
    ...imported.errors.map((e) => `error: ${e}`),
    ...(imported.content ? [] : (imported.parsed?.recognised ?? []).map((r) => `recognised: ${r}`)),
  ];
  return { record: imported.content ?? 'not imported\n', messages: messages.length > 0 ? `${messages.join('\n')}\n` : '', imported };
}

describe('importer case folders', () => {
  const cases = caseFolders();
  it('has cases of every format', () => {
    const inputs = cases.map((c) => path.extname(c.input));
    for (const ext of ['.txt', '.pdf', '.docx']) expect(inputs).toContain(ext);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const { record, messages } = await runCase(c.dir, c.input);
      const recordFile = path.join(c.dir, 'expected.md');
      const messagesFile = path.join(c.dir, 'expected-messages.txt');
      if (UPDATE) {
        writeFileSync(recordFile, record);
        writeFileSync(messagesFile, messages);
        return;
      }
      if (!existsSync(recordFile))
        throw new Error(
          `${c.name}: no expected.md; run UPDATE_IMPORT_CASES=1 npx vitest run tests/import/cases.test.ts and read what it wrote`,
        );
      expect(record).toBe(readFileSync(recordFile, 'utf8'));
      expect(messages).toBe(readFileSync(messagesFile, 'utf8'));
    });
  }
});
