/**
 * The edit–preview loop: `npm run dev` shows an edited record and an edited registry without a
 * restart (the content loader watches its folder; shared values are recomputed when the content
 * changed), and a record with a mistake is named while the last good page stays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE } from '../support/archive.ts';

let server: ChildProcess | undefined;
let origin = '';
let log = '';
let content = '';

async function until(check: () => Promise<boolean>, what: string, seconds = 45): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not happen within ${seconds} s; the dev server said:\n${log.slice(-3000)}`);
}

const page = async (p: string): Promise<string> => (await fetch(`${origin}${p}`)).text();

beforeAll(async () => {
  content = path.join(mkdtempSync(path.join(tmpdir(), 'archive-dev-')), 'content');
  cpSync(ARCHIVE, content, { recursive: true });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/u.test(k)));
  const port = 43000 + Math.floor(Math.random() * 2000);
  server = spawn(
    process.execPath,
    [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: {
        ...env,
        ARCHIVE_CONTENT_DIR: content,
        ARCHIVE_CACHE_DIR: path.join(path.dirname(content), 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  origin = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${origin}/`)).ok, 'the dev server starting', 120);
}, 180_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('npm run dev', () => {
  it('shows an edited record, then an edited registry, without a restart', async () => {
    const name = readdirSync(path.join(content, 'filings')).sort()[0] ?? '';
    const id = name.replace(/\.md$/u, '');
    const file = path.join(content, 'filings', name);
    const text = readFileSync(file, 'utf8');
    const title = /^title: (.*)$/mu.exec(text)?.[1] ?? '';
    expect(await page(`/filings/${id}/`)).toContain(title);
    // Saved as some editors save: emptied first, written a moment later (the watcher reports the
    // emptying and drops a second event that soon after).
    writeFileSync(file, '');
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(file, text.replace(/^title: .*$/mu, 'title: 編集した件名のテスト'));
    await until(async () => (await page(`/filings/${id}/`)).includes('編集した件名のテスト'), 'the edited title showing');
    // A mistake: named in the log, the last good page still served.
    writeFileSync(file, text.replace(/^title: .*$/mu, 'titel: 誤り'));
    await until(async () => /unknown key 「titel」; did you mean 「title」/u.test(log), 'the mistake being named');
    expect(await page(`/filings/${id}/`)).toContain('編集した件名のテスト');
    writeFileSync(file, text);
    await until(async () => (await page(`/filings/${id}/`)).includes(title), 'the mended record showing');
    // The registry: a new company name for the group's page.
    const registry = path.join(content, 'registry', 'contractors.yaml');
    writeFileSync(
      registry,
      readFileSync(registry, 'utf8').replace('- name: NECグループ\n', '- name: NECグループ\n    aliases: [日本電気グループ（編集）]\n'),
    );
    await until(
      async () => (await page('/contractors/')).includes('NECグループ') && !(await page('/contractors/')).includes('編集した'),
      'the contractors page serving',
    );
    const before = await page('/contractors/');
    writeFileSync(
      registry,
      readFileSync(registry, 'utf8').replace('- name: 株式会社BCC\n', '- name: 株式会社ＢＣＣコールセンター\n    aliases: [株式会社BCC]\n'),
    );
    await until(async () => (await page('/contractors/')).includes('株式会社ＢＣＣコールセンター'), 'the renamed company showing');
    expect(before).not.toContain('株式会社ＢＣＣコールセンター');
  }, 240_000);
});
