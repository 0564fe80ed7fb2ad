/**
 * The pictures drawn at build time (src/lib/charts/): titles, descriptions and legends.
 */

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
