/**
 * The words the importer recognises, in one place: labels of the facts (one table of synonyms,
 * not one regular expression per form), kinds of filing, matters the council rules on, titles of
 * clause sets and party words. The municipality's `content/archive.yaml` adds its own words
 * (src/lib/record/config.ts); the tables below are what councils commonly print.
 */
import { DEFAULT_PARTIES, kindsOf, mattersOf, type ArchiveConfig, type Term } from '../../record/config.ts';
import { compact, nfkc } from '../../core/text.ts';

/** The facts a label can name. */
export type FactKey =
  | 'title'
  | 'section'
  | 'contractors'
  | 'media'
  | 'heldMedia'
  | 'items'
  | 'purpose'
  | 'reason'
  | 'subjects'
  | 'period'
  | 'measuresMunicipality'
  | 'measuresContractor';

/**
 * Labels of each fact, as councils print them. `*` stands for any text; a label without `*` must
 * match whole. Compared in compact NFKC form, with bracketed qualifiers such as
 * (だれの、どのような項目か) and leading numbers (１, (1), 第1) removed. The first fact whose
 * pattern matches wins, so the media labels come before the items labels they contain.
 * `{self}` is the municipality's word for itself (区, 市, 町 …).
 */
export const LABEL_SYNONYMS: ReadonlyArray<readonly [FactKey, readonly string[]]> = [
  ['media', ['*記録媒体*', '媒体', '*媒体で提供*', '提供媒体', '*提供方法*']],
  ['heldMedia', ['*媒体に記録*']],
  // Items handed over or recorded; not the items a department holds (保有している情報項目).
  [
    'items',
    [
      '*処理させる*項目*',
      '*記録される*項目*',
      '*提供する*項目*',
      '*委託する*項目*',
      '*取り扱わせる*項目*',
      '*取扱わせる*項目*',
      '*結合する*項目*',
      '*収集する*項目*',
      '*利用する*項目*',
      '*個人情報の項目',
      '個人情報項目',
      '情報項目',
      '記録項目',
      '*記録する項目*',
    ],
  ],
  ['reason', ['*理由']],
  ['purpose', ['目的', '委託の目的', '事業の目的', '利用の目的', '提供の目的', '結合の目的']],
  ['title', ['件名', '委託の件名', '*の件名', '業務の名称', '委託業務名', '業務名', '委託する業務の名称']],
  ['section', ['担当課*', '保有課*', '所管課*', '担当部課', '担当部署', '所管部署', '実施機関の担当課']],
  ['contractors', ['委託先*', '受託者*', '委託業者*', '受託事業者', '受託事業者名', '委託事業者*', '受注者*', '委託の相手方', '再委託先*']],
  ['subjects', ['対象者', '個人の範囲', '*対象となる個人*', '本人の範囲', '対象となる者']],
  [
    'period',
    [
      '*開始時期*',
      '*期限*',
      '委託の期間',
      '委託期間',
      '期間',
      '*変更の時期',
      '*実施時期*',
      '*結合の時期*',
      '*結合の期間*',
      '契約期間',
      '履行期間',
      '*実施期間*',
      '*提供の期間*',
      '*利用期間*',
    ],
  ],
  [
    'measuresMunicipality',
    [
      '*{self}が行う*対策*',
      '*{self}が講ずる*',
      '*区が行う*対策*',
      '*市が行う*対策*',
      '*町が行う*対策*',
      '*村が行う*対策*',
      '*実施機関が*対策*',
      '*実施機関が講ずる*',
    ],
  ],
  [
    'measuresContractor',
    [
      '受託事業者*対策*',
      '受託者*対策*',
      '*委託する場合における*対策*',
      '*個人情報*保護対策*',
      '*保護対策*',
      '*安全対策*',
      '*安全確保の措置*',
      '*保護措置*',
    ],
  ],
];

/** Titles of a clause set (特記事項 and the names other councils give it). */
export const CLAUSE_SET_TITLE = /特記事項|特約条項|遵守事項|特記仕様書|取扱基準|取扱要領/u;
/** Titles of an annex that may hold a clause set: 別紙N, 別記, 別添. */
export const ANNEX_TITLE = /^(?:別紙|別記|別添)[0-9０-９一二三四五六七八九十]*(?:[（(][^）)]*[）)])?$/u;

/** The vocabulary the recognisers use. */
export interface Vocabulary {
  labels: Array<{ key: FactKey; re: RegExp }>;
  kinds: Term[];
  matters: Term[];
  parties: { municipality: string[]; contractor: string[] };
  /** The municipality's word for itself. */
  self: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function pattern(p: string, self: string): RegExp {
  const parts = compact(p.replace(/\{self\}/gu, self))
    .split('*')
    .map(escape);
  return new RegExp(`^${parts.join('.*')}$`, 'u');
}

/** Build the vocabulary of a municipality (its configuration's words added to the tables). */
export function vocabulary(config: ArchiveConfig): Vocabulary {
  const self = config.self ?? /(区|市|町|村|都|道|府|県)$/u.exec(config.municipality)?.[1] ?? '区';
  const labels: Vocabulary['labels'] = [];
  // The configuration's own labels come first: a municipality's word beats a general pattern.
  for (const [key, extra] of Object.entries(config.labels)) {
    if (!LABEL_SYNONYMS.some(([k]) => k === key)) continue;
    for (const p of extra) labels.push({ key: key as FactKey, re: pattern(p, self) });
  }
  for (const [key, patterns] of LABEL_SYNONYMS) for (const p of patterns) labels.push({ key, re: pattern(p, self) });
  const parties = config.parties ?? { municipality: [], contractor: [] };
  return {
    labels,
    kinds: kindsOf(config),
    matters: mattersOf(config),
    parties: {
      municipality: unique([...parties.municipality, ...DEFAULT_PARTIES.municipality, self]),
      contractor: unique([...parties.contractor, ...DEFAULT_PARTIES.contractor]),
    },
    self,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** A label as compared: compact NFKC, leading numbers and bracketed qualifiers removed. */
export function labelForm(label: string): string {
  return compact(label)
    .replace(/^(?:第?[0-9]{1,2}[.．、]?|[(（][0-9]{1,2}[)）]|[①-⑳])/u, '')
    .replace(/[(（][^()（）]*[)）]/gu, '')
    .replace(/[：:]$/u, '');
}

/** Which fact a label names, and the change marker it carries (委託先(変更後)). */
export function factOf(label: string, v: Vocabulary): { key: FactKey; change?: '変更前' | '変更後' } | undefined {
  const form = labelForm(label);
  if (!form || form.length > 60) return undefined;
  const hit = v.labels.find((l) => l.re.test(form));
  if (!hit) return undefined;
  const c = compact(label);
  const change = c.includes('変更前') ? '変更前' : c.includes('変更後') ? '変更後' : undefined;
  return change ? { key: hit.key, change } : { key: hit.key };
}

/** Every name and alias of some terms, longest first, with the name each stands for. */
function spellings(terms: Term[]): Array<{ word: string; name: string }> {
  return terms
    .flatMap((t) => [t.name, ...t.aliases].map((word) => ({ word: compact(word), name: t.name })))
    .sort((a, b) => b.word.length - a.word.length);
}

/**
 * The kind a line states: `【報告】`, `**【諮問】**`, a line that is only a kind word or one of its
 * other names (`審議事項`, `報告事項（１）`), or `諮問第3号`.
 */
export function kindIn(line: string, v: Vocabulary): string | undefined {
  const c = compact(line).replace(/\*\*/gu, '');
  const words = spellings(v.kinds);
  const bracketed = /【([^【】]+)】/u.exec(c)?.[1];
  if (bracketed !== undefined) return words.find((w) => w.word === bracketed)?.name;
  if (/^諮問第[0-9一二三四五六七八九十百]+号$/u.test(c)) return words.find((w) => w.word === '諮問')?.name ?? '諮問';
  const bare = c.replace(/(?:[(（][0-9一二三四五六七八九十]+[)）]|[0-9]+)$/u, '').replace(/^[◇◆■□●○・]/u, '');
  return words.find((w) => w.word === bare)?.name;
}

/** The kind each of a document's closing verbs states (…について諮問します / 報告します). */
export function kindOfVerb(sentence: string, v: Vocabulary): string | undefined {
  const c = compact(sentence);
  if (/諮問(?:します|いたします|する)|意見を求め|お諮り/u.test(c)) return v.kinds.find((k) => k.name === '諮問')?.name ?? '諮問';
  if (/報告(?:します|いたします|する)/u.test(c)) return v.kinds.find((k) => k.name === '報告')?.name ?? '報告';
  return undefined;
}

/** The matters (業務委託, 電子計算機の結合 …) that some texts name, in the vocabulary's order. */
export function mattersIn(texts: string[], v: Vocabulary): string[] {
  const found = new Set<string>();
  const words = spellings(v.matters);
  for (const text of texts) {
    let rest = compact(text);
    for (const w of words) {
      if (!w.word || !rest.includes(w.word)) continue;
      found.add(w.name);
      rest = rest.split(w.word).join('\u0000');
    }
  }
  return v.matters.map((m) => m.name).filter((n) => found.has(n));
}

/** The party words of clause texts replaced by one word per side, so that clauses compare across municipalities. */
export function neutralParties(text: string, parties: Vocabulary['parties']): string {
  let out = nfkc(text);
  const words = [...parties.municipality.map((w) => ({ w, to: '\u2460' })), ...parties.contractor.map((w) => ({ w, to: '\u2461' }))].sort(
    (a, b) => b.w.length - a.w.length,
  );
  for (const { w, to } of words) out = out.split(w).join(to);
  return out;
}
