/** The query mix the bench searches with, and how a figure over the mix is summed up. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRecords } from '../../../src/lib/record/load-fs.ts';
import { companyKey } from '../../../src/lib/core/names.ts';
import { percentile } from './measure.ts';

/**
 * Queries staff type: compounds, single words, a latin name, an AND pair; readings in kana (as
 * typed without conversion, or on a phone mid-input), registry aliases, era years.
 */
export const BENCH_QUERIES = [
  '住民票コード',
  '再委託',
  'コールセンター',
  '個人番号',
  '介護保険',
  '保育所',
  '委託先の変更',
  '電子申請',
  '書面により',
  '健診結果',
  '口座番号',
  '図書館',
  'システム改修',
  '滞納額',
  '要介護度',
  'プライバシーマーク',
  '個人情報保護',
  '課税標準額',
  '児童手当',
  '選挙人名簿',
  'BCC',
  '住民記録',
  '印鑑登録番号',
  '顔写真',
  '相談内容',
  '帳票印刷',
  '共同企業体',
  '特記事項',
  '保守 コールセンター',
  '予防接種',
  'じゅうみんひょう',
  'かいごほけん',
  'こじんばんごう',
  'ぱすわーど',
  'ｺｰﾙｾﾝﾀｰ',
  'イタクサキ',
  'NEC',
  'NTT東日本',
  '性別',
  '平成22年',
  'H22',
  '令和2年度',
  '再委託 H22',
];

/**
 * The registries of the generated archive, so the mix's alias and term queries expand as in a
 * real archive: the aliases NEC and NTT東日本 go to the two companies named in most filings (no
 * filing's text has either alias), and the terms registry is the seed archive's.
 */
export function benchRegistries(content: string): void {
  const byKey = new Map<string, { name: string; filings: number }>();
  for (const r of loadRecords(content))
    for (const key of new Set(r.data.contractors.filter((c) => !/共同企業体/u.test(c.name)).map((c) => companyKey(c.name)))) {
      const c = r.data.contractors.find((x) => companyKey(x.name) === key);
      const seen = byKey.get(key) ?? { name: c?.name ?? key, filings: 0 };
      seen.filings++;
      byKey.set(key, seen);
    }
  const top = [...byKey.values()].sort((a, b) => b.filings - a.filings || a.name.localeCompare(b.name)).slice(0, 2);
  const dir = path.join(content, 'registry');
  mkdirSync(dir, { recursive: true });
  const aliases = ['NEC', 'NTT東日本'];
  writeFileSync(
    path.join(dir, 'contractors.yaml'),
    `contractors:\n${top.map((c, i) => `  - name: ${JSON.stringify(c.name)}\n    aliases: [${JSON.stringify(aliases[i])}]\n`).join('')}`,
  );
  cpSync(path.resolve('content/registry/terms.yaml'), path.join(dir, 'terms.yaml'));
}

/** A figure over the query mix: median, 95th percentile and the worst query. */
export interface MixFigure {
  p50: number;
  p95: number;
  worst: number;
  worstQuery: string;
}

export function mixFigure(byQuery: Map<string, number>): MixFigure {
  const xs = [...byQuery.values()];
  const [worstQuery, worst] = [...byQuery].sort((a, b) => b[1] - a[1])[0] ?? ['', Number.NaN];
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), worst, worstQuery };
}
