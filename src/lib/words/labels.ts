/**
 * Japanese labels for the record's fields and the site's words, in one place. The names of the
 * municipality and its council are not here: they come from content/archive.yaml (src/site/config.ts).
 */
import type { DATE_SOURCES, SOURCE_TYPES } from '../record/schema.ts';
import { FACET_TABLE, FILING_FACETS, SEARCH_FACETS, type FilingFacet, type SearchFacet } from '../search/format.ts';

export const FIELD_LABELS = {
  id: '整理番号',
  title: '件名',
  kind: '種別',
  number: '番号',
  matters: '審議の対象',
  basis: '条例の根拠',
  department: '担当部課',
  bureau: '部',
  section: '課',
  unit: '係',
  contact: '担当者・内線',
  date: '日付',
  date_source: '日付の根拠',
  contractors: '委託先',
  contractor_status: '委託先の状況',
  period: '委託の開始時期及び期限',
  items: '委託に伴い処理させる情報項目',
  media: '記録媒体',
  purpose: '目的',
  subjects: '対象者',
  measures: '情報保護対策',
  contractor: '受託事業者に行わせる情報保護対策',
  references: '関連する審議会',
  meeting: '審議した回',
  source: '出典',
  clauses: '特記事項',
} as const;

export const DATE_SOURCE_LABELS = {
  meeting: '審議会開催日',
  document: '文書の日付',
  inferred: '委託期間の開始から推定',
  manual: '手入力',
} as const satisfies Record<(typeof DATE_SOURCES)[number], string>;

/** What an original is, as a reader knows it. */
export const SOURCE_TYPE_LABELS = {
  text: 'テキスト',
  pdf: 'PDF',
  docx: 'Word',
  html: 'HTML',
} as const satisfies Record<(typeof SOURCE_TYPES)[number], string>;

// ---- Words of the answer pages: summaries, who got which data, pictures, feeds ----

/** The plain summary at the top of a filing (src/lib/views/filing-view.ts composes the sentences). */
export const SUMMARY_WORDS = {
  heading: 'この諮問・報告事項のあらまし',
  /** Whose data and which items: `新宿区民他の個人情報12項目（ID、パスワードほか）を扱います。` */
  data: (subjects: string | undefined, count: number, first: string[], more: boolean): string =>
    `${subjects ? `${subjects}の` : ''}個人情報${count}項目（${first.join('、')}${more ? 'ほか' : ''}）を扱います。`,
  noItems: '扱う個人情報の項目は記載されていません。',
  subjects: (subjects: string): string => `対象者は「${subjects}」です。`,
  to: (names: string): string => `${names}に委託します。`,
  change: (before: string, after: string): string => `委託先を${before}から${after}に変更します。`,
  /** Past tense (the filing may be decades old), and 未定(…) without its second 未定 and nested brackets. */
  undetermined: (status: string): string =>
    `届出の時点では、委託先は決まっていませんでした（${status.replace(/^未定\s*[（(](.+)[）)]$/u, '$1')}）。`,
  noContractor: '委託先は記載されていません。',
  purpose: (purpose: string): string => `目的は「${purpose}」です。`,
  periodFromTo: (from: string, to: string, ongoing: boolean): string =>
    `期間は${from}から${to}まで${ongoing ? '（以降も継続）' : ''}です。`,
  periodFrom: (from: string, ongoing: boolean): string => (ongoing ? `期間は${from}から、以降継続します。` : `${from}から始まります。`),
  periodTo: (to: string): string => `期間は${to}までです。`,
  noPeriod: '期間は記載されていません。',
  sub: (by: string, tasks: string): string => `${by}は${tasks}再委託します。`,
  subTask: (task: string | undefined, name: string): string => (task ? `${task}を${name}に` : `${name}に`),
  subNoTask: (by: string, names: string): string => `${by}は${names}に再委託します。`,
  noSub: '再委託先は記載されていません。',
  clauses: (version: string, n: number): string => `契約には特記事項の${version}（${n}項）を付します。`,
  noClauses: '特記事項の本文は記録にありません。',
  /** `A、B、Cほか2社` */
  names: (names: string[], more: number): string => `${names.join('、')}${more > 0 ? `ほか${more}社` : ''}`,
  group: (name: string, members: string): string => `${name}（${members}）`,
  member: (role: string, name: string): string => `${role} ${name}`,
} as const;

/** Words of a filing's page beyond the field labels. */
export const FILING_WORDS = {
  contents: 'このページの内容',
  flow: '委託先とデータの流れ',
  flowLead: '担当課から委託先、再委託先へ、どの個人情報が渡るかを図にしたものです。同じ内容を右（スマートフォンでは下）の表にも示します。',
  before: '変更前',
  after: '変更後',
  changeHeading: '委託先の変更',
  department: '担当課',
  items: (n: number, first: string[]): string => `${first.join('、')}${n > first.length ? `ほか${n - first.length}項目` : ''}`,
  itemCount: (n: number): string => `${n}項目`,
  memberOf: (group: string): string => `${group}の一員`,
  underOf: (parent: string): string => `${parent}からの再委託`,
  undetermined: '委託先未定',
  noContractor: '委託先の記載なし',
  versionHeading: '特記事項の版',
  versionLead: 'この諮問・報告事項は特記事項の',
  versionTail: (n: number): string => `（${n}項）を付しています。`,
  versionPublished: (title: string): string => `この版は「${title}」として公表された文言と同じです。`,
  /** `前後3年（2007〜2013年）の諮問・報告事項のうち2件が付した平成20年7月版と比べると、次の条項が異なります。` */
  versionWindow: (years: number, from: number, to: number): string => `前後${years}年（${from}〜${to}年）の諮問・報告事項のうち`,
  versionCount: (n: number): string => `${n}件`,
  versionUsed: 'が付した',
  versionDiffers: 'と比べると、次の条項が異なります。',
  versionCounted: 'その諮問・報告事項：',
  compareLink: '新旧対照表',
  thisFiling: (name: string): string => `この諮問・報告事項（${name}）`,
  differences: (name: string): string => `${name}との違い`,
  more: (n: number): string => `ほか${n}件`,
  formatNote:
    '原本ではこの部分の文字が太字や下線で示されていますが、このページの本文では書式を再現していません。変更箇所は原本で確認してください：',
  formatNoteNoOriginal: '原本ではこの部分の文字が太字や下線で示されていますが、このページの本文では書式を再現していません。',
  referenceLink: (n: number): string => `（この回の諮問・報告事項${n}件）`,
  periodOriginal: '原文：',
  ongoingWord: '以降継続',
  from: 'から',
  to: 'まで',
  articleAbout: (about: string): string => `：${about}`,
  groupLine: '所属グループ・企業体',
} as const;

/** The who-got-which-data table (src/lib/views/recipients.ts) and its filters. */
export const RECIPIENT_WORDS = {
  heading: '誰がどの個人情報を受け取ったか',
  lead: '諮問・報告事項ごとに、委託先・再委託先と、渡される個人情報の項目、期間、付された特記事項の版を示します。',
  /** Said only where the table has its filter form (more than one row). */
  filtersHint: '表の上の欄で絞り込みと並べ替えができます（広い画面では列の見出しでも並べ替えられます）。',
  caption: (what: string): string => `${what}：委託先と個人情報`,
  filing: '諮問・報告事項',
  company: '委託先',
  role: '役割',
  under: '再委託の元',
  group: '所属する企業体',
  replaced: '変更により終了',
  items: '個人情報の項目',
  itemsOfWork: '委託全体の項目（再委託先が扱う項目の記載はありません）',
  period: '期間',
  version: '特記事項の版',
  status: '状況',
  ongoing: '継続中',
  ended: '終了',
  noEnd: '期限の記載なし',
  scheduled: (end: string): string => `${end}まで`,
  undetermined: '未定',
  none: '記載なし',
  sort: (label: string): string => `${label}で並べ替え`,
  showing: (n: number, total: number): string => `${n}行を表示（全${total}行）`,
  companyCount: (n: number): string => `${n}社`,
  rowsUnit: '行',
  sortNewest: '日付の新しい順',
  sortOldest: '日付の古い順',
  sortCompany: '委託先の名前順',
  sortStart: '期間の始まりの順',
  sortVersion: '特記事項の版の順',
} as const;

/** Pictures drawn at build time (src/lib/charts/year-chart.ts, src/lib/charts/version-chart.ts, src/lib/charts/flow-diagram.ts). */
export const PICTURE_WORDS = {
  yearChart: '年ごとの諮問・報告事項（種別ごと）',
  yearChartDesc: (total: number, from: string, to: string, parts: string): string =>
    `${from}から${to}までの諮問・報告事項${total}件の年ごとの件数。${parts}`,
  yearPart: (year: string, counts: string): string => `${year}年：${counts}`,
  kindCount: (kind: string, n: number): string => `${kind}${n}件`,
  asTable: '表で見る',
  yearColumn: '年',
  totalColumn: '計',
  year: (y: string): string => `${y}年`,
  count: (n: number): string => `${n}件`,
  versionChart: '特記事項の版と、それを付した諮問・報告事項',
  versionChartDesc: (parts: string): string => `各版が付された期間と年ごとの件数。${parts}`,
  versionPart: (name: string, span: string, n: number): string => `${name}：${span}、${n}件`,
  versionNone: (name: string, date: string): string => `${name}：${date}に公表、付した諮問・報告事項なし`,
  flowTitle: (change: string | undefined): string => `委託先とデータの流れ${change ? `（${change}）` : ''}`,
  flowDesc: (department: string, lines: string): string => `${department}から：${lines}`,
  flowEdge: (from: string, to: string, label: string): string => `${from}から${to}へ${label ? `（${label}）` : ''}`,
  subEdge: '再委託：',
  legend: '凡例',
} as const;

/** Feeds to follow (src/lib/views/feeds.ts). */
export const FEED_WORDS = {
  follow: 'RSSで新着を受け取る',
  title: (what: string): string => `${what}の新着の諮問・報告事項`,
  description: (what: string, site: string): string => `${site}：${what}に関する新しい諮問・報告事項`,
  item: (kind: string, department: string): string => `${kind}・${department}`,
  version: (name: string): string => `特記事項 ${name}`,
  linkText: (what: string): string => `「${what}」の新着をRSSで受け取る`,
} as const;

/** The filters of the filings list and of the who-got-which-data tables. */
export const FILTER_WORDS = {
  heading: '絞り込み',
  ...(Object.fromEntries(FILING_FACETS.map((f) => [f, FACET_TABLE[f].label])) as Record<FilingFacet, string>),
  role: '役割',
  status: '状況',
  all: 'すべて',
  reset: '絞り込みを解除',
  sort: '並べ替え',
  sortNone: '元の順',
  /** Placeholders the filter script fills: {n} shown, {total} in all. */
  status_: '{n}件を表示（全{total}件）',
  captionFiltered: '絞り込んだ諮問・報告事項',
  rows: '{n}行を表示（全{total}行）',
} as const;

/** Words of the index and list pages (moved out of the .astro files). */
export const PAGE_WORDS = {
  contractorsLead:
    '表記の違い（全角・半角、「株式会社」の位置、（株））をまとめて、会社ごとに表示します。名前の一部が同じでも別の会社は別に扱います。',
  contractorName: '名称',
  groupRole: '企業体・グループ',
  companies: (n: number): string => `（${n}社）`,
  count: (n: number): string => `${n}件`,
  countParen: (n: number): string => `（${n}件）`,
  undeterminedHeading: '委託先が未定・記載のない諮問・報告事項',
  undeterminedLead: '委託先が決まっていない（入札やプロポーザルで決める）か、委託先の記載がない諮問・報告事項です。',
  contractorStatus: '委託先の状況',
  contractorFilings: (name: string): string => `${name}が登場する諮問・報告事項`,
  itemsReceived: '受け取った個人情報の項目',
  subcontractors: '再委託先',
  subcontractorOf: '再委託の元',
  periods: '期間',
  viaMember: (member: string): string => `（${member}として）`,
  departmentsLead:
    '部は組織改正で名称や所属が変わります。課のページでは、所属した部が変わっても同じ課の諮問・報告事項をまとめて表示します。',
  noBureau: '部の記載がない課',
  bureau: '部',
  firstRecord: '最初の記録',
  lastRecord: '最後の記録',
  departmentFilings: (name: string): string => `${name}の諮問・報告事項`,
  itemsLead: '委託に伴い事業者に渡される、または記録される個人情報の項目です。項目を選ぶと、その項目を誰が受け取ったかが表示されます。',
  itemHeading: (name: string): string => `個人情報の項目：${name}`,
  itemCaption: (name: string): string => `「${name}」`,
  itemSummary: (name: string, filings: number, companies: number): string =>
    `「${name}」は${filings}件の諮問・報告事項で扱われ、${companies > 0 ? `${companies}社が委託先・再委託先などとして受け取っています。` : 'どの会社が受け取るかは記録にありません（委託先が未定か記載がありません）。'}`,
  basisLead: '諮問・報告の根拠となった条例の条項ごとに表示します。',
  basisFilings: (article: string): string => `${article}による諮問・報告事項`,
  basisUnknown: 'この条項が何を定めているかは、content/archive.yaml に書かれていません。',
  meetingHeading: (name: string): string => `${name}の審議会`,
  meetingFilings: (name: string): string => `${name}の審議会で扱われた諮問・報告事項`,
  yearsLead: '年ごとに諮問・報告事項を表示します。',
  moreFilings: '諮問・報告事項',
  countUnit: '件',
  searchLabel: 'サイト内検索',
  searchPlaceholder: '語句で検索',
  searchButton: '検索',
  matterHeading: (name: string): string => `審議の対象：${name}`,
  matterFilings: (name: string): string => `「${name}」について審議会に諮問・報告された事項`,
  mattersLead: '審議会が何について意見を述べたか（業務委託、再委託、外部提供など）ごとに表示します。',
  yearHeading: (year: string, era: string): string => `${year}年（${era}）の諮問・報告事項`,
  yearTitle: (year: string, era: string): string => `${year}年（${era}）`,
  timeline: '年ごとの諮問・報告事項',
  notFoundHome: 'ホームへ戻る',
} as const;

/** Words of the 特記事項 pages (clause versions, topics, comparisons). */
export const CLAUSE_WORDS = {
  versions: '特記事項の版',
  versionsLead:
    '契約に付す特記事項（個人情報の保護に関する標準的な契約条項）は、年とともに改正されています。各諮問・報告事項がどの版を付したか、版の間で何が変わったかを新旧対照表で確認できます。',
  used: (clauses: number, filings: number): string => `${clauses}項・${filings}件の諮問・報告事項で使用`,
  publishedOnly: (clauses: number, date: string): string => `${clauses}項・${date}に公表（この版を付した諮問・報告事項はありません）`,
  published: '公表：',
  predecessor: (name: string): string => `直前の版（${name}）との新旧対照表`,
  pick: '版を選んで比較',
  old: '旧',
  new: '新',
  compare: '比較する',
  allPairs: 'すべての組み合わせ',
  topics: '条項ごとの変遷',
  version: (name: string): string => `特記事項 ${name}`,
  clauseCount: (n: number): string => `${n}項。`,
  attachedSpan: (n: number): string => `${n}件の諮問・報告事項が付しています。`,
  attachedNone: 'この版を付した諮問・報告事項はありません。',
  publishedHeading: '公表された特記事項',
  publishedLead: 'この版の文言は、次の特記事項として単独で公表されています。',
  original: '原本：',
  newest: (name: string): string => `最新の版（${name}）との新旧対照表`,
  fullText: '全文',
  filingsOf: 'この版を付した諮問・報告事項',
  filingsCaption: (name: string): string => `${name}を付した諮問・報告事項`,
  changesFrom: (name: string): string => `直前の版（${name}）からの変更`,
  shinkyuCaption: (a: string, b: string): string => `${a}から${b}への新旧対照表`,
  /** Why a version is called その2: `平成22年4月版その2` beside `平成22年4月版`. */
  nameNote: (month: string, n: number): string =>
    `${month}に初めて付された版は${n}つあり、初めて付された日の順（同じ日なら、それ以前の版に近い文言を先）に「${month}版」「${month}版その2」…と名付けています。「その2」は、同じ月に現れたもう一つの、より新しい文言です。同じ月の版：`,
  topic: (heading: string): string => `条項の変遷：${heading}`,
  topicNumbers: (numbers: string): string => `（第${numbers}項）`,
  topicCount: (n: number): string => `・${n}件`,
  topicPublished: (title: string, date: string): string => `・公表：${title}（${date}）`,
  /** The span of two dates; one date when both are the same. */
  span: (a: string, b: string): string => `${a}〜${b}`,
  shinkyuNote: '（傍線部分は変更部分）',
  changedCount: (changed: number, same: number): string => `変更のある条項 ${changed}件・変更のない条項 ${same}件`,
  kinds: { same: '', changed: '改正', split: '分割', merged: '統合', added: '新設', deleted: '削除' },
  renumbered: '番号変更',
  moved: '移動',
  abridged: '（略）',
  addedCell: '（新設）',
  deletedCell: '（削除）',
  compareTitle: (a: string, b: string): string => `特記事項 新旧対照表（${a} → ${b}）`,
  shinkyu: '新旧対照表',
  newLink: (name: string): string => `新：${name}`,
  oldLink: (name: string): string => `旧：${name}`,
  pickOther: '別の版を選ぶ',
  newColumn: (name: string): string => `新（${name}）`,
  oldColumn: (name: string): string => `旧（${name}）`,
} as const;

/** Japanese column headers of data/filings.csv, by key (the keys are documented in the README). */
export const CSV_HEADERS = {
  id: '整理番号',
  url: 'URL',
  title: '件名',
  kind: '種別',
  number: '番号',
  matters: '審議の対象',
  basis: '条例の根拠',
  bureau: '部',
  section: '課',
  unit: '係',
  date: '日付',
  date_source: '日付の根拠',
  contractors: '委託先',
  contractor_status: '委託先の状況',
  period_start: '委託期間の開始',
  period_end: '委託期間の終了',
  period_ongoing: '以降継続',
  period_text: '委託期間（原文）',
  items: '個人情報の項目',
  media: '記録媒体',
  purpose: '目的',
  subjects: '対象者',
  references: '関連する審議会',
  source_file: '原本のファイル名',
  source_sha256: '原本のSHA-256',
} as const;

/** The names of the municipality and its council come from content/archive.yaml (src/lib/record/config.ts). */
interface Names {
  municipality: string;
  council: string;
}

/** The site's description (<meta>, RSS, the home page's lead). */
export function siteDescription(c: Names): string {
  return `${c.council}に諮問・報告された個人情報を扱う業務委託やシステム開発の記録を、担当部課・委託先・個人情報の項目・年ごとに閲覧できるアーカイブです。`;
}

/** The home page's paragraph on what the council does. */
export function homeIntro(c: Names): string {
  return `${c.municipality}の部署が個人情報を扱う業務を外部に委託するときや、個人情報を処理するシステムを開発・変更するときは、事前に${c.council}に諮問または報告します。このアーカイブでは、その記録（どの部署が、どの事業者に、どの個人情報を、いつから、どのような保護措置と特記事項のもとで渡すか）を公開しています。`;
}

/** 区が行う情報保護対策, with the word the municipality uses for itself. */
export function municipalityMeasuresLabel(self: string): string {
  return `${self}が行う情報保護対策`;
}

const BASE_UI = {
  siteShort: '審議会アーカイブ',
  home: 'ホーム',
  filings: '諮問・報告事項の一覧',
  body: '本文',
  ongoing: '以降継続',
  noContractor: '委託先未定',
  sourceFile: '元ファイル',
  original: '原本',
  originalMissing: '原本は公開されていません',
  sha256: 'SHA-256',
  latest: '最近の諮問・報告事項',
  skip: '本文へ移動',
  notFound: 'ページが見つかりません',
  notFoundLead: 'お探しのページは移動したか、削除された可能性があります。',
  overview: '概要',
  provenance: '出典',
  count: '件数',
  filingsCount: '件',
  allFilings: 'すべての諮問・報告事項',
  history: '所属の履歴',
  bureausOf: '所属した部',
  sectionsOf: '課',
  formerNames: '表記',
  roles: '役割',
  group: '所属グループ・企業体',
  members: '構成企業・グループ会社',
  undetermined: '委託先が未定の諮問・報告事項',
  filter: '絞り込み',
  all: 'すべて',
  year: '年',
  showing: '表示中',
  notFoundInFiling: '該当なし',
  entryPoints: 'さがす',
  labels: 'ラベル',
} as const;

/** Words of the site's navigation and pages. */
export const NAV = {
  navFilings: '諮問・報告事項',
  navDepartments: '担当部課',
  navContractors: '委託先',
  navItems: '個人情報の項目',
  navMatters: '審議の対象',
  navBasis: '条例の根拠',
  navYears: '年別',
  navClauses: '特記事項',
  navLabel: 'サイト内の主な項目',
  breadcrumbs: 'パンくずリスト',
  feedTitle: '新着の諮問・報告事項（RSS）',
  dataJson: 'データ（JSON）',
  dataCsv: 'データ（CSV）',
} as const;

/** Every UI word, one dictionary. */
export const UI = { ...BASE_UI, ...NAV } as const;

/** The search page's words (src/pages/search.astro, src/browser/search.ts). */
export const SEARCH_UI = {
  facets: Object.fromEntries(SEARCH_FACETS.map((f) => [f, FACET_TABLE[f].label])) as Record<SearchFacet, string>,
  all: 'すべて',
  searching: '検索しています…',
  prompt: '検索語を入力するか、絞り込みを選んでください。',
  found: (n: number, q: string): string => `${n}件${q ? `（「${q}」）` : ''}`,
  none: (q: string): string => (q ? `「${q}」に一致する諮問・報告事項はありません。` : '該当する諮問・報告事項はありません。'),
  loadFailed: '検索の仕組みを読み込めませんでした（通信が切れたか、サイトの更新中かもしれません）。',
  retry: 'もう一度試す',
  yearChip: (label: string): string => `期間：${label}`,
  removeChip: (label: string): string => `${label} の条件を外す`,
  expandedFor: (term: string): string => `「${term}」は次の語でも探しています（チェックを外すと探しません）`,
  sources: { reading: '読み', name: '別名', term: '同じ意味の語' },
  variantCount: (n: number): string => `（${n}件）`,
  matched: '一致した語：',
  clauseOnly: (n: number): string => `特記事項のみ：${n}件`,
  clauseOnlyLead: '次の諮問・報告事項は、添付された標準の特記事項にだけこの語句が含まれます。',
  ownOnly: '特記事項だけに現れるものを除く',
  clauseSource: '特記事項：',
  version: '特記事項の版：',
  more: 'さらに表示',
  howTo: '検索のしかた',
  whyNone: 'なぜ見つからないか：',
  termFoundNothing: (t: string): string => `「${t}」を含む諮問・報告事項はありません。`,
  termFound: (t: string, n: number): string => `「${t}」だけなら${n}件あります。`,
  filterEmptied: (label: string, n: number): string => `絞り込み「${label}」を外すと${n}件あります。`,
  dropFilter: (label: string): string => `「${label}」を外す`,
  tryInstead: '次の語なら見つかります：',
  /** The portal (src/portal): archives that did not answer this search, or were refused. */
  unanswered: (names: string[]): string => `応答のなかったアーカイブ：${names.join('、')}（その結果は含まれていません）。`,
  refused: (name: string, theirs: string, ours: string): string =>
    `${name}の索引は形式が異なるため（${theirs}。このポータルは${ours}）、検索に含めていません。`,
} as const;

/** The portal's words (src/portal): a search and pages over several municipalities' archives. */
export const PORTAL_UI = {
  title: '情報公開・個人情報保護審議会アーカイブ横断検索',
  short: '横断検索',
  description: '複数の自治体の審議会アーカイブを、まとめて検索し、委託先・個人情報の項目・特記事項を自治体をまたいで比べます。',
  navSearch: '横断検索',
  navContractors: '委託先',
  navItems: '個人情報の項目',
  navClauses: '特記事項',
  archives: '収録しているアーカイブ',
  archiveCounts: (filings: number, companies: number, items: number): string =>
    `諮問・報告事項${filings}件・委託先${companies}社・個人情報の項目${items}種`,
  built: (day: string): string => `（${day}時点）`,
  refusedLead: '次のアーカイブは、索引の形式がこのポータルと異なるため、検索に含めていません。',
  searchLead:
    '各自治体のアーカイブの索引を、このページから直接検索します。結果は各自治体のページにつながります。応答のない自治体があっても、ほかの自治体の結果は表示します。',
  contractorsLead:
    '委託先ごとに、どの自治体でどの個人情報を受け取っているかを示します。表記の違い（全角・半角、株式会社の位置）はまとめています。',
  contractorIn: (n: number): string => `${n}自治体`,
  itemsLead: '個人情報の項目ごとに、どの自治体でどの委託先に渡っているかを示します。',
  clausesLead: '各自治体の特記事項の版と、最新の版の条項を見出しで並べたものです。',
  clausesSide: '最新の版の条項（見出しで対応）',
  clauseHeading: '見出し',
  noClause: '―',
  otherNames: 'ほかの表記：',
  itemsReceived: '受け取った個人情報の項目',
  filingsThere: '諮問・報告事項',
  companiesThere: '委託先',
  roles: '役割',
  pageThere: (m: string): string => `${m}のアーカイブの委託先ページ`,
  versions: '版',
  versionPeriod: '使われた期間',
  versionClauses: '条項数',
  versionFilings: '添付した諮問・報告事項',
  municipality: '自治体',
  none: 'ありません。',
} as const;
