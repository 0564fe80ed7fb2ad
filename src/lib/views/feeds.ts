/**
 * RSS 2.0 feeds to follow: the whole archive, and one per department, contractor, personal data
 * item and clause version, so a reader can subscribe to "new filings that hand over 住民票コード".
 * Each is a static file beside its page (`/items/<slug>/feed.xml`); every link in it is absolute
 * and carries the base path. Written with @astrojs/rss; the channel names itself with atom:link
 * rel="self", as feed validators ask.
 */
import { getRssString } from '@astrojs/rss';
import type { Entry } from '../record/schema.ts';
import { FEED_WORDS as W } from '../words/feeds.ts';

/** How many of the newest filings a feed holds. */
export const FEED_SIZE = 50;

/** A filing's date as a Date: reduced precision (2008, 2008-07) is its first day. */
export function pubDate(iso: string): Date {
  const full = iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
  return new Date(`${full}T00:00:00Z`);
}

/** What a feed is about and where it lives. */
export interface FeedSpec {
  /** `戸籍住民課`, `住民票コード`, `特記事項 平成22年4月版`. */
  what: string;
  /** Absolute URL of the page the feed follows. */
  page: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** The channel's title and description when not made from `what` (the whole archive's feed). */
  title?: string;
  description?: string;
}

/**
 * Text for a feed's <title>, which many readers render as HTML: markup brackets become their
 * full-width forms (＜img＞), so a record's text never becomes an element in a reader and still
 * reads the same in those that show it as text. (Escaping twice would show &lt; in the latter.)
 */
export function feedTitleText(s: string): string {
  return s.replace(/</gu, '＜').replace(/>/gu, '＞');
}

/**
 * Text for a feed's <description>, which RSS defines as HTML: escaped as HTML text here, and
 * again as XML by the writer, so a reader that renders it shows the text and runs nothing.
 */
export function feedDescriptionText(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/**
 * The feed's XML: the newest FEED_SIZE of `filings` (newest first), each linked by `filingUrl`
 * (absolute), described by its kind and department.
 */
export function feedXml(spec: FeedSpec, site: string, filings: Entry[], filingUrl: (id: string) => string): Promise<string> {
  const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
  return getRssString({
    title: feedTitleText(spec.title ?? W.title(spec.what)),
    description: feedDescriptionText(spec.description ?? W.description(spec.what, site)),
    site: spec.page,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>ja</language><atom:link href="${escape(spec.self)}" rel="self" type="application/rss+xml"/>`,
    items: filings.slice(0, FEED_SIZE).map((f) => ({
      title: feedTitleText(f.data.title),
      link: filingUrl(f.id),
      pubDate: pubDate(f.data.date),
      description: feedDescriptionText(
        W.item(f.data.kind, [f.data.department.bureau, f.data.department.section].filter(Boolean).join(' ')),
      ),
    })),
  });
}
