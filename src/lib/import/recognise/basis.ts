/** 条例の根拠: the ordinance articles a filing rests on (the kind is vocabulary.ts's kindIn). */
import type { Basis } from '../../record/schema.ts';
import { nfkc } from '../../core/text.ts';

const ARTICLE =
  /(第[0-9一二三四五六七八九十百]+条(?:第[0-9一二三四五六七八九十]+項)?(?:第[0-9一二三四五六七八九十]+号)?(?:本文|ただし書)?)(?:[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)])?/gu;

/** Every article in a line: `◇第 16 条第 1 項本文（電子計算機による…）` → `{article: 第16条第1項本文, label}`. */
export function parseBasis(line: string): Basis[] {
  const t = nfkc(line).replace(/(?<=[第条項号0-9])\s+|\s+(?=[条項号0-9(])/gu, '');
  const out: Basis[] = [];
  for (const m of t.matchAll(ARTICLE)) {
    const article = m[1] ?? '';
    const label = m[2]?.trim();
    out.push(label ? { article, label } : { article });
  }
  return out;
}
