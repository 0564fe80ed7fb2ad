/**
 * Another municipality's archive, made from the seeds: its own `archive.yaml` (みどり市, a kind
 * beyond the seeds', its party words, what its articles are about), filings with the importer's
 * newer fields (number, matters, date_source document, a clause section titled 別記, a kind
 * 審議), two clause sets published on their own (one with the wording two filings attached,
 * one that no filing attached, written with 発注者/受注者 and ending its section with 第N条 of
 * its own), their originals (a .docx and a .pdf), and one filing whose original is missing.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRecord, serializeClauseSet, serializeRecord, sourcePath } from '../../src/lib/record/record.ts';
import { ARCHIVE } from './archive.ts';

export const MUNICIPALITY = 'みどり市';
export const COUNCIL = 'みどり市情報公開・個人情報保護審議会';
export const ORDINANCE = 'みどり市個人情報保護条例';
export const ABOUT_14 = '市が個人情報を扱う業務を外部に委託するときは、あらかじめ審議会に報告する。';

/** The seed whose original is left out. */
export const MISSING_ORIGINAL = '2008-04a038e7';
/** The seed made a 審議 with a number, matters and the document's date. */
export const SHINGI = '2010-4b4b9c74';
/** The seed whose clause section is titled 別記 (clause_section). */
export const BETSUKI = '2020-27c263f1';

/** A published set with the wording of the 13-clause version (seeds 001 and 003). */
export const SET_2008 = {
  id: 'tokki-2008',
  title: '個人情報取扱特記事項',
  date: '2008-04-01',
  date_text: '平成20年4月1日施行',
  file: '特記事項（平成20年）.docx',
};
/** A published set no filing attached: the 21 clauses of seed 002 with 発注者/受注者. */
export const SET_2023 = {
  id: 'tokki-2023',
  title: '個人情報の取扱いに関する特記事項',
  date: '2023-04-01',
  date_text: '令和5年4月1日改正',
  file: 'tokki_R5.pdf',
};

const ARCHIVE_YAML = `municipality: ${MUNICIPALITY}
council: ${COUNCIL}
ordinance: ${ORDINANCE}
self: 市
articles:
  - article: 第14条第1項
    label: 業務委託
    about: ${ABOUT_14}
kinds: [諮問, 報告, 事前報告, 審議, 通知]
parties:
  municipality: [市]
  contractor: [受託者]
`;

/** The 特記事項 section of a seed body (its heading to the next heading of its level). */
function clauseSection(body: string): string {
  const start = body.indexOf('\n## 特記事項');
  const next = body.indexOf('\n## ', start + 1);
  return body.slice(start + 1, next < 0 ? undefined : next + 1);
}

function bytesOf(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Write the archive into a new temporary content folder and return its path. */
export function publishedContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-published-'));
  cpSync(ARCHIVE, dir, { recursive: true });
  rmSync(path.join(dir, 'registry'), { recursive: true, force: true });
  writeFileSync(path.join(dir, 'archive.yaml'), ARCHIVE_YAML);
  const file = (id: string): string => path.join(dir, 'filings', `${id}.md`);
  const read = (id: string) => parseRecord(readFileSync(file(id), 'utf8'), file(id));
  const seeds = readdirSync(path.join(dir, 'filings')).map((f) => read(f.replace(/\.md$/u, '')));

  // The original of one filing is not there.
  const missing = read(MISSING_ORIGINAL);
  rmSync(path.join(dir, sourcePath(missing.data.source?.sha256 ?? '', path.extname(missing.data.source?.file ?? ''))));

  const shingi = read(SHINGI);
  writeFileSync(
    file(SHINGI),
    serializeRecord(
      { ...shingi.data, kind: '審議', number: '審議第3号', matters: ['業務委託', '電子計算機の結合'], date_source: 'document' },
      shingi.body,
    ),
  );

  const betsuki = read(BETSUKI);
  writeFileSync(
    file(BETSUKI),
    serializeRecord({ ...betsuki.data, clause_section: '別記' }, betsuki.body.replace('\n## 特記事項\n', '\n## 別記\n')),
  );

  // The clause sets published on their own, with their originals.
  mkdirSync(path.join(dir, 'clauses'));
  const seedBody = (prefix: string): string => seeds.find((r) => r.data.source?.file.startsWith(prefix))?.body ?? '';
  const sets = [
    {
      ...SET_2008,
      body: clauseSection(seedBody('001')).replace('## 特記事項', '## 別記'),
      clause_section: '別記',
      bytes: bytesOf('PK\u0003\u0004 docx'),
    },
    {
      ...SET_2023,
      body: clauseSection(seedBody('002'))
        .replace('## 特記事項', `## ${SET_2023.title}`)
        .replace(/甲/gu, '発注者')
        .replace(/乙/gu, '受注者'),
      bytes: bytesOf('%PDF-1.4\n% 特記事項\n%%EOF\n'),
    },
  ];
  for (const s of sets) {
    const sha256 = createHash('sha256').update(s.bytes).digest('hex');
    const ext = path.extname(s.file);
    writeFileSync(path.join(dir, sourcePath(sha256, ext)), s.bytes);
    writeFileSync(
      path.join(dir, 'clauses', `${s.id}.md`),
      serializeClauseSet(
        {
          id: s.id,
          title: s.title,
          date: s.date,
          date_text: s.date_text,
          ...('clause_section' in s ? { clause_section: s.clause_section } : {}),
          source: { file: s.file, sha256, size: s.bytes.length, type: ext === '.pdf' ? 'pdf' : 'docx' },
        },
        s.body,
      ),
    );
  }
  return dir;
}
