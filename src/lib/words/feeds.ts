/**
 * The feeds to follow (src/lib/views/feeds.ts).
 */

/** Feeds to follow (src/lib/views/feeds.ts). */
export const FEED_WORDS = {
  follow: 'RSSで新着を受け取る',
  title: (what: string): string => `${what}の新着の諮問・報告事項`,
  description: (what: string, site: string): string => `${site}：${what}に関する新しい諮問・報告事項`,
  item: (kind: string, department: string): string => `${kind}・${department}`,
  version: (name: string): string => `特記事項 ${name}`,
  linkText: (what: string): string => `「${what}」の新着をRSSで受け取る`,
} as const;
