/**
 * A realistic corpus of raw filing text for benchmarks and tests: N filings in the forms the
 * importer reads (the seeds' structures: `#` headings and bullets, bare headings, 2- and
 * 4-column tables, HTML cells, clauses without bullets and broken over page breaks), with
 * departments across reorganisations, hundreds of contractors in many spellings, dates across
 * eras, several 特記事項 versions with local deviations, and varied narrative.
 * Deterministic for a seed.
 *
 * One file: most of it is the word lists and sentence templates the filings are drawn from; the
 * generator that draws them is short.
 */
import type { Clause } from '../../../src/lib/record/schema.ts';
import { ERAS, eraOf, yearInEra, type Era } from '../../../src/lib/core/era.ts';

const HEISEI = ERAS.find((e) => e.name === '平成') as Era;

/** mulberry32: a small seeded PRNG (reproducibility matters here, not quality). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const some = <T>(r: Rand, xs: readonly T[], min: number, max: number): T[] => {
  const n = min + Math.floor(r() * (max - min + 1));
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as T);
  return out;
};

/** Sections with the bureau they belonged to, by year: reorganisations move some of them. */
const SECTIONS: Array<{ section: string; bureaus: Array<[number, string]>; units: string[] }> = [
  {
    section: '戸籍住民課',
    bureaus: [
      [2000, '地域文化部'],
      [2016, '地域振興部'],
    ],
    units: ['住民記録係', '戸籍係', '証明係'],
  },
  { section: '医療保険年金課', bureaus: [[2000, '健康部']], units: ['国保整理係', '資格係', '年金係'] },
  { section: '情報政策課', bureaus: [[2000, '総合政策部']], units: ['情報企画係', 'システム係'] },
  {
    section: '税務課',
    bureaus: [
      [2000, '区民部'],
      [2019, '総務部'],
    ],
    units: ['課税係', '収納係'],
  },
  { section: '介護保険課', bureaus: [[2000, '福祉部']], units: ['認定係', '給付係'] },
  { section: '子ども家庭課', bureaus: [[2000, '子ども家庭部']], units: ['児童手当係', '相談係'] },
  { section: '保育課', bureaus: [[2000, '子ども家庭部']], units: ['入所係'] },
  { section: '健康づくり課', bureaus: [[2000, '健康部']], units: ['健診係', '予防係'] },
  {
    section: 'ごみ減量リサイクル課',
    bureaus: [
      [2000, '環境清掃部'],
      [2012, '環境部'],
    ],
    units: ['計画係'],
  },
  {
    section: '生涯学習課',
    bureaus: [
      [2000, '教育委員会事務局'],
      [2018, '文化観光産業部'],
    ],
    units: ['学習係'],
  },
  {
    section: '区民相談課',
    bureaus: [
      [2000, '区民部'],
      [2016, '地域振興部'],
    ],
    units: ['相談係'],
  },
  { section: '障害者福祉課', bureaus: [[2000, '福祉部']], units: ['支援係', '給付係'] },
  { section: '学校運営課', bureaus: [[2000, '教育委員会事務局']], units: ['学務係'] },
  { section: '選挙管理委員会事務局', bureaus: [], units: ['選挙係'] },
  { section: '総務課', bureaus: [[2000, '総務部']], units: ['文書係'] },
  {
    section: '住宅課',
    bureaus: [
      [2000, '都市計画部'],
      [2020, 'まちづくり部'],
    ],
    units: ['管理係'],
  },
];

const WORKS = [
  '住民記録',
  '国民健康保険料収納',
  '介護保険認定調査',
  '保育所入所申請受付',
  '児童手当',
  '税務証明発行',
  '粗大ごみ受付',
  '図書館',
  '健康診査予約',
  '予防接種記録',
  '選挙人名簿',
  '窓口案内',
  'コールセンター',
  '電子申請',
  '特定健康診査',
  '就学援助',
  '住宅使用料',
  '高齢者見守り',
  '障害福祉サービス',
  '区民意識調査',
];
const ACTIONS = [
  '業務の委託について',
  'システムの導入について',
  'データ入力業務の委託について',
  'システムの保守運用について',
  '帳票印刷及び発送業務の委託について',
  '委託先の変更について',
  'システム改修について',
  '受付業務の委託について（委託内容の追加等）',
];
const ITEMS = [
  '氏名',
  '住所',
  '生年月日',
  '性別',
  '電話番号',
  '住民票コード',
  '個人番号',
  '世帯主の氏名',
  '続柄',
  '口座番号',
  '被保険者番号',
  '所得額',
  '障害の程度',
  '要介護度',
  '学校名',
  '保険料額',
  '滞納額',
  '勤務先',
  'メールアドレス',
  '顔写真',
  '健診結果',
  '予防接種歴',
  '児童の氏名',
  '保護者の氏名',
  '印鑑登録番号',
  '納税義務者番号',
  '課税標準額',
  '収納履歴',
  '相談内容',
  '緊急連絡先',
];
const MEDIA = ['電磁的記録', '紙', '電子的媒体（住民情報システム）', '電磁的記録媒体及び紙', '帳票（紙）'];
const PURPOSES = [
  '業務の効率化を図るとともに、区民の待ち時間の短縮を図る。',
  '専門的な知識を有する事業者に委託することにより、正確かつ迅速な処理を行う。',
  '繁忙期の事務処理を円滑に行い、区民サービスの向上を図る。',
  'システムの安定稼働を確保し、区民の利便性の向上を図る。',
  '申請手続の負担軽減及び利便性の向上を図る。',
];
const MEASURES_CITY = [
  '契約にあたり、別紙「特記事項」を付す。',
  '個人情報の取扱状況について報告を求め、必要に応じて立入調査を行う。',
  '区と委託先との記録媒体の受け渡しは、区職員が立ち会って行う。',
  'システムの操作ログを取得し、定期的に確認する。',
  '作業場所を区の庁舎内に限定する。',
];
const MEASURES_CONTRACTOR = [
  '個人情報取扱責任者及び取扱者をあらかじめ指定させ、区に報告させる。',
  '従事者に対して個人情報保護に関する研修を実施させる。',
  '業務終了後、提供した資料を速やかに返却させる。',
  'プライバシーマークの基準による。',
  '作業に使用する端末にはウイルス対策ソフトを導入させる。',
];
const NAME_A = [
  '日本',
  '東京',
  '新宿',
  '中央',
  '関東',
  '首都圏',
  'アジア',
  'グローバル',
  '未来',
  '東日本',
  '西日本',
  '総合',
  '第一',
  '共栄',
  '大和',
  '明治',
  'ジャパン',
  'さくら',
  'みどり',
  'ひかり',
];
const NAME_B = [
  'システム',
  '情報',
  'データ',
  'ソリューションズ',
  'サービス',
  'テクノロジー',
  '電算',
  '計算センター',
  'ビジネス',
  'コンサルティング',
  '総研',
  'ネットワーク',
  '印刷',
  'コミュニケーションズ',
  'サポート',
];
const PLACES = ['北', '南', '東', '西', '城北', '城南', '湾岸', '多摩', '武蔵野', '山手', '隅田', '江戸'];
const LATIN = ['ABC', 'NTS', 'JIS', 'KDS', 'TCS', 'BCC', 'IDC', 'MSC'];

/** The contractors of the corpus: canonical names and how filings spell them. */
export function companies(r: Rand, n: number): string[] {
  const out = new Set<string>();
  // Two-part names run out at a few hundred; beyond that a place name is added in front.
  const capacity = (LATIN.length + NAME_A.length) * NAME_B.length;
  while (out.size < n) {
    const core = r() < 0.15 ? `${pick(r, LATIN)}${pick(r, NAME_B)}` : `${pick(r, NAME_A)}${pick(r, NAME_B)}`;
    out.add(out.size < capacity * 0.8 ? core : `${pick(r, PLACES)}${core}`);
  }
  return [...out];
}

/** One spelling of a company: 株式会社 before or after, (株), full-width Latin, a stray space. */
function spell(r: Rand, core: string): string {
  const c = r() < 0.2 ? core.replace(/[A-Z]/gu, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)) : core;
  const v = r();
  if (v < 0.45) return `株式会社${c}`;
  if (v < 0.85) return `${c}株式会社`;
  if (v < 0.95) return `（株）${c}`;
  return `株式会社 ${c}`;
}

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function kanjiNumber(n: number): string {
  if (n < 10) return KANJI[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : KANJI[tens]}十${n % 10 === 0 ? '' : KANJI[n % 10]}`;
}

/** An era date as filings write it: 元年, full-width or kanji digits, now and then 平成 past its end. */
function eraDate(r: Rand, y: number, m: number, d: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  let era = eraOf(`${y}-${two(m)}-${two(d)}`)?.era ?? HEISEI;
  // Documents written before the change of era sometimes count 平成 on (平成32年 = 2020).
  if (era.name === '令和' && y <= 2021 && r() < 0.15) era = HEISEI;
  const ey = yearInEra(era, y);
  const v = r();
  const num = (n: number): string =>
    v < 0.1 ? kanjiNumber(n) : v < 0.2 ? String(n).replace(/\d/gu, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)) : String(n);
  const year = ey === 1 && r() < 0.7 ? '元' : num(ey);
  return `${era.name}${year}年${num(m)}月${num(d)}日`;
}

/** The 特記事項 versions to attach, oldest first, with the years each was in use. */
export interface ClauseSet {
  from: number;
  clauses: Clause[];
}

function clauseLines(r: Rand, clauses: Clause[], layout: number, deviation: number): string[] {
  const out: string[] = [];
  let heading: string | undefined;
  clauses.forEach((c, i) => {
    if (c.heading && c.heading !== heading) {
      out.push(layout === 0 ? `## (${c.heading})` : `(${c.heading})`, '');
      heading = c.heading;
    }
    let text = c.text;
    // A local deviation: one of a few fixed local changes (so they form versions, not noise).
    if (deviation > 0 && i === deviation % clauses.length) text = text.replace('乙は、', '乙は、書面により、');
    const bullet = layout === 2 ? '' : '- ';
    const lines = [`${bullet}${c.number} ${text}`];
    // A page break in the middle of a clause now and then.
    if (layout === 2 && text.length > 40 && r() < 0.05) {
      const cut = Math.floor(text.length / 2);
      lines.splice(0, 1, `${c.number} ${text.slice(0, cut)}`, '', text.slice(cut));
    }
    out.push(...lines, '');
    for (const item of c.items ?? []) out.push(` - ${item}`);
    if (c.items) out.push('');
  });
  return out;
}

/** Generate one filing's raw text. */
/**
 * Narrative sentences: each filing's own account of the work (volumes, places, systems, staff,
 * history), combined from parts with numbers, as real filings differ from one another. Without
 * them 44 % of the characters outside the 特記事項 were not a repeat of another line (now about
 * 65 %, uniqueTextShare), which made the search index and its downloads smaller than real text
 * would.
 */
const FACILITIES = [
  '区民事務所',
  '出張所',
  '地域センター',
  '本庁舎窓口',
  '図書館分館',
  '保健センター',
  '子ども家庭支援センター',
  '高齢者相談センター',
];
const PROBLEMS = [
  '待ち時間の長期化',
  '入力誤りの発生',
  '電話のつながりにくさ',
  '郵送物の発送遅延',
  '職員の超過勤務の増加',
  '問い合わせの集中',
  '紙の申請書の保管場所の不足',
];
const SYSTEMS = [
  '住民情報システム',
  '収納管理システム',
  '施設予約システム',
  '電子申請サービス',
  '統合宛名システム',
  '健康管理システム',
  '図書館情報システム',
  '介護保険システム',
];
const ISSUES = [
  (r: Rand) => `保守期限が令和${1 + Math.floor(r() * 9)}年${1 + Math.floor(r() * 12)}月に到来する`,
  () => '法改正への対応が必要となっている',
  (r: Rand) => `処理件数が導入時の約${2 + Math.floor(r() * 4)}倍となり、処理能力が不足している`,
  () => '帳票の様式変更に対応できない',
  (r: Rand) => `夜間の一括処理に約${2 + Math.floor(r() * 10)}時間を要している`,
];
const ROLES = [
  '個人情報取扱責任者',
  '業務責任者',
  '現場責任者',
  '日本語以外の言語に対応できる者',
  '社会福祉士の資格を有する者',
  'システム運用の経験を有する者',
];
const CHANNELS = ['電話', '窓口', '電子申請', '郵送', 'ファクシミリ', '電子メール'];
const REQUESTS = ['問い合わせ', '申請', '相談', '苦情', '証明書の請求', '変更の届出'];

function narrative(r: Rand, work: string, firms: string[], year: number): string {
  const n = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const sentences = [
    () => `${year - n(1, 3)}年度の${work}の取扱件数は約${n(2, 98) * 100}件で、前年度から${n(1, 30)}％${pick(r, ['増加', '減少'])}した。`,
    () =>
      `${pick(r, ['北', '南', '東', '西', '中央'])}地区の${pick(r, FACILITIES)}では、${pick(r, ['月曜日', '金曜日', '月末', '年度末', '休日明け'])}に${pick(r, PROBLEMS)}が課題となっている。`,
    () => `現行の${pick(r, SYSTEMS)}は平成${n(10, 30)}年に導入したもので、${pick(r, ISSUES)(r)}。`,
    () => `${spell(r, pick(r, firms))}は他自治体で${pick(r, ['同種', '類似', '同規模'])}の業務を${n(2, 40)}件受託した実績を有する。`,
    () => `作業は${n(3, 40)}名体制で行い、うち${n(1, 3)}名を${pick(r, ROLES)}とする。`,
    () =>
      `${n(1, 6)}月から${n(7, 12)}月までの繁忙期には、${pick(r, ['受付時間を延長する', '臨時の窓口を設ける', '作業員を増員する', '予約制を導入する'])}。`,
    () => `区民からの${pick(r, REQUESTS)}は年間約${n(3, 95) * 100}件あり、うち${n(10, 90)}％が${pick(r, CHANNELS)}によるものである。`,
    () =>
      `提供するデータは${pick(r, ['月', '週', '日'])}に${n(1, 5)}回、${pick(r, ['暗号化した記録媒体', '専用回線', '庁内ネットワーク', '施錠したケース'])}により受け渡す。`,
  ];
  return some(r, sentences, 2, 5)
    .map((f) => f())
    .join('');
}

export function generateFiling(r: Rand, i: number, firms: string[], clauseSets: ClauseSet[]): string {
  const year = 2005 + Math.floor(r() * 20);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const s = pick(r, SECTIONS);
  const bureau = [...s.bureaus].reverse().find(([from]) => year >= from)?.[1];
  const unit = r() < 0.6 ? pick(r, s.units) : undefined;
  const work = pick(r, WORKS);
  // Real subjects differ in detail; a serial keeps generated ones apart (ids hash the subject).
  const title = `${work}${pick(r, ACTIONS)}（案件${i + 1}）`;
  const kind = pick(r, ['報告', '報告', '諮問', '事前報告'] as const);
  const computer = r() < 0.2;
  const basis = computer
    ? '第16条第1項本文（電子計算機による個人情報の処理開発、変更）'
    : `第14条第1項（${pick(r, ['業務委託', '業務委託、再委託', '重要な個人情報の提供等を伴う委託'])}）`;
  const layout = Math.floor(r() * 3);
  const items = some(r, ITEMS, 3, 10);
  const start = eraDate(r, year, month, day);
  const open = r() < 0.4;
  const period = open
    ? `${start}から、以降継続`
    : r() < 0.1
      ? `${eraDate(r, year, month, day).replace(/\d+日|[〇一二三四五六七八九十]+日|[０-９]+日/u, '')}契約締結後`
      : `${start}から${eraDate(r, year + 1, 3, 31)}まで`;
  // Contractors: undecided, one company, a group with members, or a change with subcontractors.
  const v = r();
  let contractor: string;
  if (v < 0.3) contractor = pick(r, ['未定(入札により決定する)', '入札により委託先を決定', 'プロポーザルにより決定する']);
  else if (v < 0.75) contractor = spell(r, pick(r, firms));
  else if (v < 0.9)
    contractor = `${pick(r, NAME_A)}共同企業体 代表企業：${spell(r, pick(r, firms))} 構成企業：${some(r, firms, 1, 3)
      .map((f) => spell(r, f))
      .join('、')}`;
  else
    contractor = `委託先 ${spell(r, pick(r, firms))} 再委託先(保守、コールセンター) 保守 ${spell(r, pick(r, firms))} コールセンター ${spell(r, pick(r, firms))}`;
  const set = [...clauseSets].reverse().find((c) => year >= c.from) ?? (clauseSets[0] as ClauseSet);
  const deviation = r() < 0.08 ? 1 + Math.floor(r() * 3) : 0;
  const dept = `${bureau ?? ''}${layout === 1 ? '' : ' '}${s.section}`.trim();
  const h = (t: string, level = 2): string => (layout === 0 ? `${'#'.repeat(level)} ${t}` : t);
  const purpose = `${pick(r, PURPOSES)}${r() < 0.5 ? `対象は約${Math.floor(r() * 90 + 10)}千件を見込む。` : ''}`;
  const content = `${work}に関し、${some(r, ['申請書の受付', '入力処理', '帳票の出力', '問い合わせ対応', '発送作業', 'データの突合'], 1, 3).join('、')}を行う。${r() < 0.5 ? '繁忙期には体制を拡充する。' : ''}${narrative(r, work, firms, year)}`;
  const ref =
    r() < 0.2
      ? `${r() < 0.5 ? '平成' : '令和'}${1 + Math.floor(r() * 9)}年度第${1 + Math.floor(r() * 9)}回の審議会において了承された事項の変更である。`
      : '';
  const lines: string[] = [
    '',
    '',
    '情報公開・個人情報保護審議会 諮問・報告事項',
    '',
    `${layout === 1 ? '件 名' : '件名'}\t${title}`,
    '----\t' + '-'.repeat(20),
    '',
    '内容は別紙のとおり',
    '',
    '条例の根拠',
    '',
    layout === 2 ? `**【${kind}】**` : `【${kind}】`,
    '',
    `${layout === 0 ? '' : '◇'}${basis}`,
    '',
    unit && layout === 1 ? `(担当部課：${dept}` : `（担当部課：${dept}${unit ? ` ${unit}` : ''}）`,
    ...(unit && layout === 1
      ? [`担当係 ${unit} 担当者 ${pick(r, ['佐藤', '鈴木', '高橋', '田中', '伊藤'])} 内線(${1000 + Math.floor(r() * 8999)}))`]
      : []),
    '',
    h('事業の概要'),
    '',
    `事業名\t${work}`,
    `担当課\t${s.section}`,
    `目的\t${purpose}`,
    `対象者\t${pick(r, ['区民', '申請を行う者', '国民健康保険の被保険者', '保育所の入所を申請する保護者', '区内在住の高齢者'])}`,
    `事業内容\t${layout === 2 ? `<p>${content}</p> <p>${ref}</p>` : `${content}${ref}`}`,
    '',
    h(`件名 ${title}`),
    '',
  ];
  if (layout === 1) {
    lines.push(
      `区保有情報\t\t委託業者及び委託に伴う提供情報\t`,
      `保有課(担当課)\t${s.section}\t委託先\t${contractor}`,
      `情報はどのような媒体に記録されているか\t${pick(r, MEDIA)}\t情報はどのような媒体で提供するのか、取扱わせるのか\t${pick(r, MEDIA)}`,
      `保有している情報項目\t${items.join('、')}\t左欄の保有情報のうち、業務委託に伴い提供する項目又は処理を依頼する項目\t${items.slice(0, -1).join('、')}`,
    );
  } else {
    lines.push(
      `保有課(担当課)\t${s.section}`,
      `登録業務の名称\t${work}`,
      `委託先\t${contractor}`,
      `委託に伴い事業者処理させる情報項目(だれの、どのような項目か)\t${layout === 2 ? `<p>1 対象者 ${pick(r, ['区民', '申請者'])}</p> <p>2 情報項目 ${items.join('、')}</p>` : items.join('、')}`,
      `処理させる情報項目の記録媒体\t${pick(r, MEDIA)}`,
    );
  }
  lines.push(
    `委託理由\t${pick(r, PURPOSES)}${narrative(r, work, firms, year)}`,
    `委託の内容\t${content}`,
    `委託の開始時期及び期限\t${period}`,
    `委託にあたり区が行う情報保護対策\t${some(r, MEASURES_CITY, 1, 3)
      .map((m, k) => `${k + 1} ${m}`)
      .join(' ')}`,
    `受託事業者に行わせる情報保護対策\t${some(r, MEASURES_CONTRACTOR, 1, 3)
      .map((m, k) => `${k + 1} ${m}`)
      .join(' ')}`,
    '',
    layout === 0 ? '# 特記事項' : '特記事項',
    '',
    ...clauseLines(r, set.clauses, layout, deviation),
  );
  if (r() < 0.3)
    lines.push(
      h('付属資料', 1),
      '',
      `- 1 作業は${pick(r, ['庁舎内', '区が指定する場所', '受託者の事業所'])}で行う。`,
      `- 2 ${pick(r, ['データは暗号化して受け渡す。', '専用回線を使用する。', '作業後に消去証明を提出させる。'])}`,
      '',
    );
  return lines.join('\n');
}

/** Generate a corpus: `[file name, text]` pairs. */
export function generateCorpus(n: number, seed: number, clauseSets: ClauseSet[]): Array<[string, string]> {
  const r = rng(seed);
  const firms = companies(r, Math.max(20, Math.min(600, Math.ceil(n / 10))));
  return Array.from({ length: n }, (_, i) => [`filing-${String(i).padStart(6, '0')}.txt`, generateFiling(r, i, firms, clauseSets)]);
}

/** Share of distinct lines among all non-empty lines (clauses repeat across filings by design). */
export function uniqueShare(texts: string[], skip: (line: string) => boolean = () => false): number {
  const all: string[] = [];
  for (const t of texts) for (const l of t.split('\n')) if (l.trim() && !skip(l)) all.push(l);
  return all.length === 0 ? 1 : new Set(all).size / all.length;
}

/** A generated filing without its 特記事項 section (from its heading to the 付属資料 heading or the end). */
export function outsideClauses(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^(# )?特記事項$/u.test(l.trim()));
  if (start < 0) return text;
  const end = lines.findIndex((l, k) => k > start && /付属資料/u.test(l));
  return [...lines.slice(0, start), ...(end < 0 ? [] : lines.slice(end))].join('\n');
}

/**
 * Share of the text (in characters) that is not a repeat of a line seen before: short labels
 * repeat in every filing and weigh little here, a paragraph that is a copy weighs its length.
 */
export function uniqueTextShare(texts: string[], skip: (line: string) => boolean = () => false): number {
  const seen = new Set<string>();
  let total = 0;
  let fresh = 0;
  for (const t of texts)
    for (const l of t.split('\n')) {
      if (!l.trim() || skip(l)) continue;
      total += l.length;
      if (!seen.has(l)) fresh += l.length;
      seen.add(l);
    }
  return total === 0 ? 1 : fresh / total;
}
