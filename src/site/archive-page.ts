import { escapeUTF8 as escape } from 'entities';
import { formatDateRange } from '../issue/calendar.js';
import { plural } from '../render/helpers.js';
import type { SiteIssue } from './manifest.js';
import { SITE_FILES, type SiteUrls } from './urls.js';
import { feedLinkTags } from './web-edition.js';

export interface ArchiveSite {
  name: string;
  language: string;
  urls: SiteUrls;
}

/**
 * `site/index.html`: every issue, newest first, with its dates, lead headline and number of
 * stories, linking each web edition and the feeds. A plain page in the default theme's palette
 * (light and dark), readable without CSS; links between the site's own pages are relative, so
 * the folder works wherever it is served.
 */
export function archivePage(issues: readonly SiteIssue[], site: ArchiveSite): string {
  const { urls } = site;
  const name = escape(site.name);
  const feeds = urls.atom
    ? `<p class="feeds">Follow in a feed reader: <a href="${SITE_FILES.atom}">Atom</a> · <a href="${SITE_FILES.rss}">RSS</a> · <a href="${SITE_FILES.json}">JSON Feed</a></p>`
    : '';
  const subscribe = urls.subscribe ? `<p><a class="button" href="${escape(urls.subscribe)}">Subscribe</a></p>` : '';
  const list = issues.length
    ? `<ol class="issues">\n${issues.map(issueItem).join('\n')}\n</ol>`
    : '<p class="empty">No issues yet.</p>';
  return `<!doctype html>
<html lang="${escape(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${name}: all issues</title>
${urls.home ? `<link rel="canonical" href="${escape(urls.home)}">` : ''}${feedLinkTags(urls, site.name)}
<style>${STYLE}</style>
</head>
<body>
<header class="masthead">
<h1>${name}</h1>
<p class="muted">Every issue, newest first.</p>
${subscribe}
</header>
<main>
<h2 class="label">All issues</h2>
${list}
</main>
<footer class="muted">
${feeds}
</footer>
</body>
</html>
`;
}

function issueItem(issue: SiteIssue): string {
  return `<li><article>
<p class="kicker">Issue ${issue.number} · <time datetime="${issue.from}">${escape(formatDateRange(issue.from, issue.to))}</time></p>
<h3><a href="${escape(issue.slug)}/">${escape(issue.title)}</a></h3>
${issue.lead ? `<p class="lead"><span class="muted">Top story:</span> ${escape(issue.lead)}</p>` : ''}
<p class="count muted">${plural(issue.articles, 'story', 'stories')}</p>
</article></li>`;
}

/**
 * The default theme's colours: paper, white cards, the rust accent, and their dark variants
 * (written out rather than as CSS variables, like the theme's own dark mode).
 */
const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: 0 16px 48px; background: #f3efe6; color: #2b2b2b; font: 16px/1.6 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
header, main, footer { max-width: 640px; margin: 0 auto; }
h1, h2, h3 { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; margin: 0; }
.masthead { text-align: center; padding: 40px 0 24px; }
.masthead h1 { font-size: 36px; line-height: 1.15; }
.muted { color: #6b645a; }
a { color: #a63d2a; }
.button { display: inline-block; background: #a63d2a; color: #ffffff; font-weight: 600; font-size: 15px; text-decoration: none; border-radius: 6px; padding: 11px 22px; }
.label { font: 700 13px/1.6 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; letter-spacing: 2px; text-transform: uppercase; color: #6b645a; margin: 0 0 12px; }
.issues { list-style: none; margin: 0; padding: 0; }
.issues article { background: #ffffff; border-radius: 10px; padding: 20px 24px; margin: 0 0 16px; }
.issues p { margin: 0; }
.kicker { font-size: 12px; font-weight: 700; letter-spacing: 1.5px; text-transform: uppercase; color: #a63d2a; }
.issues h3 { font-size: 24px; line-height: 1.22; margin: 6px 0 8px; }
.issues h3 a { color: #1a1a1a; text-decoration: none; }
.issues h3 a:hover, .issues h3 a:focus { text-decoration: underline; }
.lead { margin-bottom: 4px; }
.feeds { font-size: 14px; text-align: center; margin-top: 24px; }
@media (prefers-color-scheme: dark) {
  body { background: #131313; color: #e6e3de; }
  h1, h2, h3, .issues h3 a { color: #f4f1ec; }
  .muted, .label { color: #aaa49b; }
  a, .kicker { color: #f3a48f; }
  .button { color: #ffffff; }
  .issues article { background: #1e1e1e; }
}
`;
