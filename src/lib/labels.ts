/**
 * Japanese labels for the record's fields and the site's words, in one place. The names of the
 * municipality and its council are not here: they come from content/archive.yaml (src/site/config.ts).
 */
import type { DATE_SOURCES, SOURCE_TYPES } from './schema.ts';

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
  municipality: '区が行う情報保護対策',
  contractor: '受託事業者に行わせる情報保護対策',
  references: '関連する審議会',
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

/** The names of the municipality and its council come from content/archive.yaml (src/lib/config.ts). */
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

/** The search page's words (src/pages/search.astro, src/scripts/search.ts). */
export const SEARCH_UI = {
  facets: {
    kind: '種別',
    year: '年',
    fy: '年度',
    bureau: '部',
    section: '課',
    contractor: '委託先',
    article: '条例の根拠',
    item: '個人情報の項目',
    version: '特記事項の版',
  },
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
} as const;
