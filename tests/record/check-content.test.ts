/** `npm run check-content`: the content folder checked whole, every problem with its file and line and what to do. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblem } from '../../src/lib/record/check-content-fs.ts';
import { ARCHIVE } from '../support/archive.ts';

function copy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'archive-check-')), 'content');
  cpSync(ARCHIVE, dir, { recursive: true });
  return dir;
}

const lines = (dir: string): string[] => checkContent(dir).problems.map(formatContentProblem);

describe('checkContent', () => {
  it('the default content is clean', () => {
    expect(lines(ARCHIVE)).toEqual([]);
  });

  it('registry conflicts and cycles, each with its file and line', () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'registry', 'contractors.yaml'),
      [
        'contractors:',
        '  - name: 日本電気株式会社',
        '    aliases: [NEC, 株式会社BCC]',
        '  - name: 株式会社BCC',
        '    aliases: [NEC]',
        '  - name: Aグループ',
        '    group: Bグループ',
        '  - name: Bグループ',
        '    group: Aグループ',
        '  - name: NECソフト株式会社',
        '    group: どこにもない',
        '',
      ].join('\n'),
    );
    const out = lines(dir).join('\n');
    expect(out).toMatch(/contractors\.yaml:3: the alias 「株式会社BCC」 of 「日本電気株式会社」 is the name of another entry/u);
    expect(out).toMatch(/contractors\.yaml:5: the alias 「NEC」 is also an alias of 「日本電気株式会社」/u);
    expect(out).toMatch(/contractors\.yaml:7: groups go round in a circle: Aグループ → Bグループ → Aグループ/u);
    expect(out).toMatch(/contractors\.yaml:11: group 「どこにもない」 is not an entry/u);
  });

  it('a filing that names a bureau after the registry says it was renamed', () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'registry', 'departments.yaml'),
      'bureaus:\n  - name: 地域振興部\n    renamed_from:\n      - name: 地域文化部\n        until: 2009-03-31\n',
    );
    expect(lines(dir).join('\n')).toMatch(
      /warning: .*2010-4b4b9c74\.md:\d+: this filing \(2010-04-01\) names 「地域文化部」, which registry\/departments\.yaml says became 「地域振興部」 on 2009-03-31 \(line 5\)/u,
    );
  });

  it('bad records, names of white space, bidi controls, files that are no records, changed originals', () => {
    const dir = copy();
    const filings = path.join(dir, 'filings');
    const [first, second, third] = readdirSync(filings).sort();
    const a = path.join(filings, first ?? '');
    writeFileSync(
      a,
      readFileSync(a, 'utf8')
        .replace(/^kind: .*$/mu, 'kind: 通知')
        .replace(/^purpose:/mu, 'purpse:'),
    );
    const b = path.join(filings, second ?? '');
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^contractors: \[\]$/mu, 'contractors:\n  - name: "   "\n    role: 委託先'));
    const c = path.join(filings, third ?? '');
    writeFileSync(
      c,
      readFileSync(c, 'utf8').replace(/^contractors: \[\]$/mu, 'contractors:\n  - name: "\u202e社会式株ルーツ"\n    role: 委託先'),
    );
    writeFileSync(path.join(filings, 'notes.txt'), 'a note');
    renameSync(c, c.replace(/\.md$/u, '-copy.md'));
    const original = path.join(dir, 'sources', readdirSync(path.join(dir, 'sources')).sort()[0] ?? '');
    writeFileSync(original, 'changed');
    const out = lines(dir).join('\n');
    expect(out).toMatch(new RegExp(`error: .*${first}:\\d+: unknown key 「purpse」; did you mean 「purpose」`, 'u'));
    expect(out).toMatch(new RegExp(`error: .*${second}:\\d+: contractors\\.0\\.name: a name of only white space`, 'u'));
    expect(out).toMatch(/warning: .*-copy\.md:\d+: the contractor name 「�社会式株ルーツ」 holds a bidirectional control character/u);
    expect(out).toMatch(/warning: .*-copy\.md:2: the file is named .*-copy\.md but its id is/u);
    expect(out).toMatch(/warning: .*notes\.txt: not a record \(records end in \.md\)/u);
    expect(out).toMatch(/error: .*sources\/.*: this original does not match the SHA-256 its record .* gives: it was changed/u);
    rmSync(path.join(dir, 'filings'), { recursive: true });
    expect(lines(dir).join('\n')).toMatch(/error: .*filings: no filings\/ folder/u);
    expect(lines(path.join(dir, 'nowhere')).join('\n')).toMatch(/the content folder does not exist; set ARCHIVE_CONTENT_DIR/u);
  });

  it('checks the copies of an original (the same document in other formats) as it checks the original', () => {
    const dir = copy();
    const filings = path.join(dir, 'filings');
    const first = path.join(filings, readdirSync(filings).sort()[0] ?? '');
    const missing = 'a'.repeat(64);
    const changed = 'b'.repeat(64);
    writeFileSync(path.join(dir, 'sources', `${changed.slice(0, 16)}.pdf`), 'not what was received');
    writeFileSync(
      first,
      readFileSync(first, 'utf8').replace(
        /^(source:\n(?: {2}.*\n)+)/mu,
        `$1  copies:\n    - file: filing.pdf\n      sha256: ${missing}\n      type: pdf\n    - file: filing2.pdf\n      sha256: ${changed}\n      type: pdf\n`,
      ),
    );
    const out = lines(dir).join('\n');
    expect(out).toMatch(/warning: .*: its original sources\/aaaaaaaaaaaaaaaa\.pdf is not in the content folder/u);
    expect(out).toMatch(/error: .*sources\/bbbbbbbbbbbbbbbb\.pdf: this original does not match the SHA-256/u);
  });

  it('writes a staff report: problems, names not placed, inferred dates', () => {
    const { report } = checkContent(ARCHIVE);
    expect(report).toMatch(/^# 審議会アーカイブ/u);
    expect(report).toMatch(/## Dates inferred \(not the meeting date\)\n\n- 2008-04a038e7\.md: 2008-12-01 \(the period start\)/u);
    expect(report).toMatch(/## Clause sets without a printed date\n\nNone\./u);
    expect(report).toMatch(/## Originals no record names\n\nNone\./u);
  });

  it('lists undated clause sets and originals no record names in the report', () => {
    const dir = copy();
    mkdirSync(path.join(dir, 'clauses'), { recursive: true });
    writeFileSync(
      path.join(dir, 'clauses', 'undated-0123abcd.md'),
      '---\nid: undated-0123abcd\ntitle: 個人情報取扱特記事項\n---\n\n## 個人情報取扱特記事項\n\n1 乙は、個人情報を適正に取り扱う。\n',
    );
    writeFileSync(path.join(dir, 'sources', '0123456789abcdef.pdf'), 'left behind');
    const { report } = checkContent(dir);
    expect(report).toMatch(/## Clause sets without a printed date\n\n- undated-0123abcd\.md: 日付不明 — add `date:`/u);
    expect(report).toMatch(/## Originals no record names\n\n- sources\/0123456789abcdef\.pdf\n/u);
  });
});
