/**
 * A filing's page: the plain summary at its top (src/lib/views/filing-view.ts composes the
 * sentences) and the words of its sections.
 */
import { TERMS } from './terms.ts';

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
  undetermined: TERMS.undetermined,
  noContractor: '委託先の記載なし',
  versionHeading: TERMS.version,
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
  groupLine: TERMS.group,
} as const;
