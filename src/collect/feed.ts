import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { dayOf } from './page-metadata.js';

/** One item of a feed, as much as the feed says of it. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** `YYYY-MM-DD`, or null when the item has no date. */
  published: string | null;
  author: string | null;
  /** The full article as HTML (`content:encoded`, Atom `content`, JSON `content_html`), or null when the feed gives only a summary. */
  contentHtml: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
  /** Items left out for want of an http(s) link (none, or `javascript:`, `data:`…): nothing to fetch or to know them by. */
  unlinked: number;
}

export type FeedOutcome = { ok: true; feed: Feed } | { ok: false; message: string };

type Raw = Record<string, unknown>;

/** Reads an RSS, Atom or RDF feed (XML) or a JSON Feed. Items without an http(s) link are left out, and counted: they cannot be fetched nor told apart later. */
export function parseFeed(text: string, kind: 'xml' | 'json', feedUrl: string): FeedOutcome {
  let data;
  const options = { descriptionMaxLen: 0, baseUrl: feedUrl, getExtraEntryFields: (entry: Raw) => ({ extra: extraFields(entry) }) };
  try {
    data = kind === 'json' ? extractFromJson(text, options) : extractFromXml(text, options);
  } catch (error) {
    return { ok: false, message: `is not a readable feed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  if (!data || !Array.isArray(data.entries)) return { ok: false, message: 'is not an RSS, Atom or JSON feed' };
  const items: FeedItem[] = [];
  let unlinked = 0;
  for (const entry of data.entries) {
    const url = absolute(entry.link, feedUrl);
    if (!url) {
      unlinked++;
      continue;
    }
    const extra = (entry.extra ?? {}) as { content: string | null; author: string | null };
    items.push({
      url,
      title: clean(entry.title),
      published: dayOf(entry.published),
      author: extra.author,
      contentHtml: extra.content,
    });
  }
  return { ok: true, feed: { title: clean(data.title), items, unlinked } };
}

/** The full content and author, which the normalized entry leaves out; their names differ by format. */
function extraFields(entry: Raw): { content: string | null; author: string | null } {
  return {
    content: clean(textOf(entry['content:encoded']) ?? textOf(entry.content) ?? textOf(entry.content_html)),
    author: clean(textOf(entry['dc:creator']) ?? nameOf(entry.author) ?? nameOf(entry.authors)),
  };
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as Raw)['#text']);
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.includes('@') ? (/\(([^)]+)\)/.exec(value)?.[1] ?? null) : value; // RSS <author>: "ann@x.org (Ann)"
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as Raw).name);
  return null;
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.trim();
  return cleaned === '' ? null : cleaned;
}

function absolute(value: unknown, base: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
