/**
 * Name keys for cross-linking: two spellings of one company or section get the same key.
 * Keys are for matching only; pages show names as written.
 */
import { nfkc } from './text.ts';

const LEGAL_FORMS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '一般財団法人',
  '公益財団法人',
  '一般社団法人',
  '公益社団法人',
  '社会福祉法人',
  '特定非営利活動法人',
  '独立行政法人',
];

/** Legal forms as abbreviated (after NFKC), and what each stands for. */
const ABBREVIATED: Record<string, string> = {
  '(株)': '株式会社',
  '㈱': '株式会社',
  '(有)': '有限会社',
  '㈲': '有限会社',
  '(同)': '合同会社',
};
/** The abbreviations as a pattern, in ASCII or full-width brackets. */
const ABBREVIATIONS = Object.keys(ABBREVIATED).map((a) => a.replace('(', '[(（]').replace(')', '[)）]'));
const ABBREVIATION = new RegExp(ABBREVIATIONS.join('|'), 'gu');

/**
 * What a key ignores: whitespace and format characters (zero-width spaces and joiners, bidi
 * controls, soft hyphens), which PDF extraction and copy-paste leave in names unseen.
 */
const INVISIBLE = /[\s\u3000\p{Cf}]+/gu;

/**
 * The matching key of a company name: NFKC (widths), no spaces or invisible characters, (株)/㈱ spelled out, and the
 * legal form moved to the end, so 株式会社BCC, ㈱ＢＣＣ and BCC 株式会社 share a key. Only the
 * whole name is compared: NECソフト株式会社 and 日本電気株式会社 stay two companies, and so does
 * a name that merely contains another.
 */
export function companyKey(name: string): string {
  let n = nfkc(name)
    .replace(INVISIBLE, '')
    .replace(ABBREVIATION, (a) => ABBREVIATED[a] ?? a)
    .toUpperCase();
  for (const form of LEGAL_FORMS) {
    if (n.startsWith(form) && n.length > form.length) {
      n = n.slice(form.length) + form;
      break;
    }
  }
  return n;
}

/** The company name without its legal form, for slugs and sorting: `株式会社BCC` → `BCC`. */
export function companyCore(name: string): string {
  const key = companyKey(name);
  for (const form of LEGAL_FORMS) if (key.endsWith(form) && key.length > form.length) return key.slice(0, -form.length);
  return key;
}

const WRITTEN_FORMS = `(?:${[...LEGAL_FORMS, ...ABBREVIATIONS].join('|')})`;
const WRITTEN_FORM = new RegExp(`^[\\s\u3000]*${WRITTEN_FORMS}[\\s\u3000]*|[\\s\u3000]*${WRITTEN_FORMS}[\\s\u3000]*$`, 'gu');

/**
 * A company name as written, without its legal form at either end: `株式会社 ＩＤＣテクノロジー` →
 * `ＩＤＣテクノロジー`, `日本電気(株)` → `日本電気`; the name itself when nothing else would be left.
 * The search finds a company by it, so every way of writing the legal form is found.
 */
export function companyCoreAsWritten(name: string): string {
  const core = name.replace(WRITTEN_FORM, '').trim();
  return core === '' ? name : core;
}

/** The matching key of a bureau, section or data item: NFKC, no spaces or invisible characters. */
export function nameKey(name: string): string {
  return nfkc(name).replace(INVISIBLE, '');
}
