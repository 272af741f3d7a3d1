import { escapeUTF8 } from 'entities';
import { Feed } from 'feed';
import { formatDateRange } from '../issue/calendar.js';
import { plural } from '../render/helpers.js';
import type { SiteIssue } from './manifest.js';
import type { SiteUrls } from './urls.js';

/** An issue as a feed entry: its manifest entry and its web edition's content. */
export interface FeedIssue extends SiteIssue {
  /** The web edition's body: the whole issue, as HTML. */
  content: string;
}

/** The feeds' own addresses; feeds only exist where the site has an absolute address. */
export interface FeedPlace {
  home: string;
  atom: string;
  rss: string;
  json: string;
  issue(slug: string): string;
}

export interface SiteFeeds {
  atom: string;
  rss: string;
  json: string;
}

/** The addresses feeds need, or null when the site has no `base_url`. */
export function feedPlace(urls: SiteUrls): FeedPlace | null {
  const { home, atom, rss, json } = urls;
  if (!home || !atom || !rss || !json) return null;
  return { home, atom, rss, json, issue: (slug) => urls.issue(slug)! };
}

/**
 * Atom 1.0, RSS 2.0 and JSON Feed 1.1, one entry per issue (newest first) with the issue's
 * full HTML. An entry's id is its web edition's address, so it stays the same across rebuilds
 * and feed readers update the entry rather than showing it again; `updated` moves on a rebuild,
 * `published` does not. Everything depends on the issues alone, so the same site gives the same
 * feeds byte for byte.
 */
export function siteFeeds(issues: readonly FeedIssue[], site: { name: string; language: string; place: FeedPlace }): SiteFeeds {
  // Atom's title and summary are typed HTML, RSS's description is HTML and its title text, and
  // JSON Feed's are text: each format gets the issue's words escaped for what it holds.
  const atom = feedOf(issues, site, { title: escapeUTF8, summary: escapeUTF8 });
  const rss = feedOf(issues, site, { title: asIs, summary: escapeUTF8 });
  const json = feedOf(issues, site, { title: asIs, summary: asIs });
  return { atom: atom.atom1(), rss: rss.rss2(), json: jsonFeed11(json.json1(), site.language) };
}

const asIs = (text: string) => text;

function feedOf(
  issues: readonly FeedIssue[],
  site: { name: string; language: string; place: FeedPlace },
  as: { title: (text: string) => string; summary: (text: string) => string },
): Feed {
  const { place } = site;
  const updated = issues.reduce((latest, issue) => (issue.updated > latest ? issue.updated : latest), issues[0]?.updated ?? EPOCH);
  const feed = new Feed({
    id: place.home,
    title: xmlText(site.name),
    description: xmlText(`Every issue of ${site.name}`),
    link: place.home,
    language: site.language,
    updated: new Date(updated),
    generator: 'Gazette',
    feedLinks: { atom: place.atom, rss: place.rss, json: place.json },
    author: { name: xmlText(site.name), link: place.home },
  });
  for (const issue of issues) {
    const url = place.issue(issue.slug);
    const summary = `${plural(issue.articles, 'story', 'stories')}, ${formatDateRange(issue.from, issue.to)}${issue.lead ? `. Leading: ${issue.lead}` : ''}`;
    feed.addItem({
      id: url,
      link: url,
      title: xmlText(as.title(issue.title)),
      description: xmlText(as.summary(summary)),
      content: htmlInCdata(issue.content),
      date: new Date(issue.updated),
      published: new Date(issue.published),
    });
  }
  return feed;
}

/** The feeds of an empty site are dated here, so they too are the same on every build. */
const EPOCH = '1970-01-01T00:00:00.000Z';

interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/**
 * `feed` writes JSON Feed version 1; the site serves version 1.1 (https://www.jsonfeed.org/version/1.1/),
 * which differs from it only in: the version URL, `authors` (a list) in place of `author`, and a
 * `language`. So the library's feed is taken and brought to 1.1 rather than written by hand.
 */
export function jsonFeed11(version1: string, language: string): string {
  const feed = JSON.parse(version1) as Record<string, unknown> & { author?: JsonFeedAuthor; items: (Record<string, unknown> & { author?: JsonFeedAuthor })[] };
  const { author, items, ...rest } = feed;
  const upgraded = {
    ...rest,
    version: 'https://jsonfeed.org/version/1.1',
    language,
    ...(author ? { authors: [author] } : {}),
    items: items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...(itemAuthor ? { authors: [itemAuthor] } : {}) })),
  };
  return `${JSON.stringify(upgraded, null, 2)}\n`;
}

/** Text as XML 1.0 can carry it: without the control characters it forbids. */
function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/**
 * HTML for the CDATA section `feed` wraps content in: `]]>` would end it early (the library
 * escapes only the first one), and in HTML `]]&gt;` reads the same. Titles and summaries need
 * nothing of the kind: where they are HTML they are escaped, so hold no `>`.
 */
function htmlInCdata(html: string): string {
  return xmlText(html).replaceAll(']]>', ']]&gt;');
}
