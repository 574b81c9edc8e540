import { escapeMarkup } from '../common/escape-markup.js';
import { lastDayOf } from '../common/format-time.js';
/** Atom and JSON Feed renderings of a village's disclosures, for WeChat groups and SMS relays to follow. */

interface FeedItem {
  id: string;
  matterId: string;
  title: string;
  matterTitle: string;
  body: string;
  publishedAt: string;
  periodEndsAt: string | null;
}

interface Feed {
  village: { id: string; name: string };
  items: FeedItem[];
  /** Absolute address of the site, e.g. `http://example.org`. */
  base: string;
  timeZone: string;
}

/** A villager following the feed opens the pages people read, not the API's JSON. */
const boardUrl = (feed: Feed) => `${feed.base}/p/${feed.village.id}`;
const itemUrl = (feed: Feed, item: FeedItem) =>
  `${feed.base}/p/${feed.village.id}/m/${item.matterId}#${item.id}`;
const feedUrl = (feed: Feed, kind: 'atom' | 'json') =>
  `${feed.base}/api/public/villages/${feed.village.id}/feed.${kind}`;

export function atomFeed(feed: Feed): string {
  const updated = feed.items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = feed.items.map(
    (item) => `  <entry>
    <id>urn:micropower:disclosure:${item.id}</id>
    <title>${escapeMarkup(item.title)}</title>
    <updated>${item.publishedAt}</updated>
    <published>${item.publishedAt}</published>
    <link rel="alternate" href="${escapeMarkup(itemUrl(feed, item))}"/>
    <summary>${escapeMarkup(`${item.matterTitle}${item.periodEndsAt ? `（公示至 ${lastDayOf(item.periodEndsAt, feed.timeZone)}）` : ''}`)}</summary>
    <content type="text">${escapeMarkup(item.body)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>urn:micropower:village:${feed.village.id}</id>
  <title>${escapeMarkup(`${feed.village.name} 村务公开栏`)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="${escapeMarkup(feedUrl(feed, 'atom'))}"/>
  <link rel="alternate" href="${escapeMarkup(boardUrl(feed))}"/>
${entries.join('\n')}
</feed>
`;
}

export function jsonFeed(feed: Feed) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${feed.village.name} 村务公开栏`,
    language: 'zh-CN',
    home_page_url: boardUrl(feed),
    feed_url: feedUrl(feed, 'json'),
    items: feed.items.map((item) => ({
      id: `urn:micropower:disclosure:${item.id}`,
      url: itemUrl(feed, item),
      title: item.title,
      summary: item.matterTitle,
      content_text: item.body,
      date_published: item.publishedAt,
      ...(item.periodEndsAt ? { _micropower: { period_ends_at: item.periodEndsAt } } : {}),
    })),
  };
}
