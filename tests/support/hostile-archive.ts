/**
 * The hostile archive: the seed records, the hand-written hostile record
 * (`tests/fixtures/hostile/filings/hostile-1.md`) and an oversized variant of it made here,
 * with markup and odd Unicode in every field a reader sees (department, contractors, items,
 * period, references, clauses, tables) and fields far larger than any real filing's.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseRecord, serializeRecord } from '../../src/lib/record/record.ts';
import { ARCHIVE } from './archive.ts';

const HOSTILE_1 = 'tests/fixtures/hostile/filings/hostile-1.md';

/** Odd Unicode: bidi override, zero-width space/joiner, combining marks, a surrogate-pair kanji. */
export const ODD = '\u202e逆\u202c\u200b零\u200dか\u3099𠮷';

/** Text that only a reader can see if the page shows it (checked in the browser). */
export const OVERSIZED_MARKERS = ['巨大な件名の始まり', '巨大な目的の終わり', '巨大な表の最後の行', '巨大な条項の終わり'];

/** Write the hostile archive into a new temporary content folder and return its path. */
export function hostileContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-hostile-'));
  cpSync(ARCHIVE, dir, { recursive: true });
  cpSync(HOSTILE_1, path.join(dir, 'filings', 'hostile-1.md'));
  writeFileSync(path.join(dir, 'filings', 'hostile-2.md'), oversized());
  return dir;
}

/** hostile-1 grown: every field oversized or hostile. */
function oversized(): string {
  const { data, body } = parseRecord(readFileSync(HOSTILE_1, 'utf8'), HOSTILE_1);
  const sentence = '区民の個人情報を適正に取り扱うため、委託先に対して必要な措置を講じさせる。';
  const rows = Array.from({ length: 400 }, (_, i) => `| 行${i + 1}${ODD} | <img src=x onerror=alert(${i})>セル${i + 1} |`);
  rows.push('| 最後 | 巨大な表の最後の行 |');
  const clause = `${'乙は、業務に関して知り得た個人情報を第三者に漏らしてはならない。'.repeat(1500)}巨大な条項の終わり`;
  return serializeRecord(
    {
      ...data,
      id: 'hostile-2',
      title: `巨大な件名の始まり${ODD}${'長い件名<script>alert("t")</script>'.repeat(300)}`,
      department: {
        bureau: `<img src=x onerror=alert('bureau')>局${ODD}`,
        section: `課\u202e<svg onload=alert(6)>${ODD}`,
        unit: `係${'\u0301'.repeat(50)}`,
        contact: `担当者 <a href="javascript:alert(7)">電話</a>`,
      },
      contractors: [
        { name: `${'株式会社'.repeat(2)}${'ながい名前'.repeat(400)}`, role: '委託先' },
        { name: `＜script＞ＡＢＣ${ODD}株式会社`, role: '再委託先', task: `<style>*{display:none}</style>${ODD}` },
        ...Array.from({ length: 30 }, (_, i) => ({ name: `株式会社テスト${i}\u200b`, role: '再委託先' as const, task: `作業${i}` })),
      ],
      items: [`<script>alert('item')</script>氏名${ODD}`, '住所'.repeat(2000), ...Array.from({ length: 40 }, (_, i) => `項目${i}`)],
      purpose: `${sentence.repeat(4000)}巨大な目的の終わり`,
      subjects: `<iframe srcdoc="<script>alert(8)</script>">${ODD}`,
      media: `紙${ODD}`,
      period: {
        start: data.period?.start,
        end: data.period?.end,
        ongoing: data.period?.ongoing,
        text: `${data.period?.text ?? ''}${ODD}<script>alert(9)</script>`,
      },
      references: [`<a href="data:text/html,<script>alert(10)</script>">参考</a>`, `平成28年度第8回${ODD}`],
    },
    `${body}\n\n## 巨大な表\n\n| 項目 | 内容 |\n| - | - |\n${rows.join('\n')}\n\n## 特記事項（追加）\n\n### (巨大な条項)\n\n22 ${clause}\n`,
  );
}
