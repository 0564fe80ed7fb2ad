/** src/lib/views/feeds.ts: RSS 2.0 of a page's filings, absolute links, a self link. */
import { XMLParser } from 'fast-xml-parser';
import { toText } from 'hast-util-to-text';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE, feedXml, pubDate } from '../../src/lib/views/feeds.ts';
import { filing } from '../support/view-fixtures.ts';

describe('pubDate', () => {
  it('reads reduced-precision dates as their first day', () => {
    expect(pubDate('2008').toISOString()).toBe('2008-01-01T00:00:00.000Z');
    expect(pubDate('2008-07').toISOString()).toBe('2008-07-01T00:00:00.000Z');
    expect(pubDate('2008-07-15').toISOString()).toBe('2008-07-15T00:00:00.000Z');
  });
});

describe('feedXml', () => {
  it('writes RSS 2.0 with the channel, its self link and one item per filing', async () => {
    const xml = await feedXml(
      { what: '住民票コード', page: 'https://x.example/archive/items/juumin/', self: 'https://x.example/archive/items/juumin/feed.xml' },
      'アーカイブ',
      [filing('a', { date: '2010-04-01', kind: '報告' })],
      (id) => `https://x.example/archive/filings/${id}/`,
    );
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
      rss: { '@version': string; '@xmlns:atom': string; channel: Record<string, unknown> & { item: Record<string, unknown> } };
    };
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    const ch = doc.rss.channel;
    expect(ch['title']).toBe('住民票コードの新着の諮問・報告事項');
    expect(ch['description']).toBe('アーカイブ：住民票コードに関する新しい諮問・報告事項');
    expect(ch['link']).toBe('https://x.example/archive/items/juumin/');
    expect(ch['atom:link']).toEqual({
      '@href': 'https://x.example/archive/items/juumin/feed.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(ch.item).toEqual({
      title: '件名a',
      link: 'https://x.example/archive/filings/a/',
      guid: { '#text': 'https://x.example/archive/filings/a/', '@isPermaLink': 'true' },
      description: '報告・総務部 情報課',
      pubDate: 'Thu, 01 Apr 2010 00:00:00 GMT',
    });
  });

  it(`holds the newest ${FEED_SIZE} only, and a channel title of its own when given`, async () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) => filing(`f${i}`, { date: '2010-04-01' }));
    const xml = await feedXml(
      { what: 'x', page: 'https://x.example/', self: 'https://x.example/feed.xml', title: 'T' },
      'S',
      many,
      (id) => `https://x.example/${id}/`,
    );
    expect(xml.match(/<item>/gu)).toHaveLength(FEED_SIZE);
    expect(xml).toContain('<title>T</title>');
  });

  it('gives a reader the text of every field, never an element, whether it renders titles and descriptions as HTML or not', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const f = filing('e', { date: '2010-04-01', title: `件名${evil}&amp;`, kind: `報告${evil}`, department: { section: `情報課${evil}` } });
    const xml = await feedXml(
      { what: `住民票${evil}`, page: 'https://x.example/', self: 'https://x.example/feed.xml' },
      `アーカイブ${evil}`,
      [f],
      (id) => `https://x.example/${id}/`,
    );
    const doc = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml) as {
      rss: { channel: Record<string, string> & { item: Record<string, string> } };
    };
    const ch = doc.rss.channel;
    const texts = [ch['title'], ch['description'], ch.item['title'], ch.item['description']].map(String);
    const html = unified().use(rehypeParse, { fragment: true });
    for (const t of texts) {
      // Rendered as HTML, each is text alone: no element, and the words are all there.
      const tree = html.parse(t);
      expect(selectAll('*', tree), t).toEqual([]);
      expect(toText(tree), t).toMatch(/img src=x onerror=alert\(1\)/u);
    }
    // Shown as text, a title reads as written, its brackets full-width.
    expect(ch.item['title']).toBe('件名＜img src=x onerror=alert(1)＞&amp;');
  });
});
