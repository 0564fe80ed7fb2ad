/** 条例の根拠: the kind of filing and the ordinance articles it rests on. */
import type { Basis } from '../schema.ts';
import { KINDS } from '../schema.ts';
import { nfkc } from '../text.ts';

type Kind = (typeof KINDS)[number];

/** The kind in a line such as `【報告】` or `**【諮問】**`. Longest names are tried first. */
export function parseKind(line: string): Kind | undefined {
  const m = /【\s*(事前報告|諮問|報告)\s*】/u.exec(nfkc(line).replace(/\s+/gu, ''));
  return m?.[1] as Kind | undefined;
}

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
