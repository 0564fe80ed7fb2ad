/**
 * The 特記事項 pages: versions, topics and the 新旧対照表.
 */
import { TERMS } from './terms.ts';

/** Words of the 特記事項 pages (clause versions, topics, comparisons). */
export const CLAUSE_WORDS = {
  versions: TERMS.version,
  /** A version no filing attached and no date dates. */
  undatedVersion: '日付不明の版',
  undated: '日付不明',
  versionsLead:
    '契約に付す特記事項（個人情報の保護に関する標準的な契約条項）は、年とともに改正されています。各諮問・報告事項がどの版を付したか、版の間で何が変わったかを新旧対照表で確認できます。',
  used: (clauses: number, filings: number): string => `${clauses}項・${filings}件の諮問・報告事項で使用`,
  publishedOnly: (clauses: number, date: string): string => `${clauses}項・${date}に公表（この版を付した諮問・報告事項はありません）`,
  publishedUndated: (clauses: number): string => `${clauses}項・公表の日付は不明（この版を付した諮問・報告事項はありません）`,
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
