import type { GazetteConfig } from '../config.js';
import { issueUrl } from '../render/context.js';
import { subscribeEndpoint } from '../subscribe/endpoints.js';

/** The files of the published site, by role: the names the archive, feeds and README speak of. */
export const SITE_FILES = {
  archive: 'index.html',
  atom: 'feed.xml',
  rss: 'rss.xml',
  json: 'feed.json',
  manifest: 'issues.json',
  /** Each issue's web edition: `<slug>/index.html`. */
  issuePage: 'index.html',
} as const;

/**
 * Where the site's pages and feeds are, seen from the web. With `base_url` every link is
 * absolute (feeds and canonical links need that); without it the pages still link each other
 * relatively, and there are no feeds.
 */
export interface SiteUrls {
  /** The archive page, or null without `base_url`. */
  home: string | null;
  atom: string | null;
  rss: string | null;
  json: string | null;
  /** The sign-up page the web edition invites readers to, or null. */
  subscribe: string | null;
  /** An issue's web edition (absolute), or null without `base_url`. */
  issue(slug: string): string | null;
}

export function siteUrls(config: GazetteConfig): SiteUrls {
  const base = config.base_url ? (config.base_url.endsWith('/') ? config.base_url : `${config.base_url}/`) : null;
  const at = (file: string) => (base ? new URL(file, base).toString() : null);
  return {
    home: base,
    atom: at(SITE_FILES.atom),
    rss: at(SITE_FILES.rss),
    json: at(SITE_FILES.json),
    subscribe: subscribeUrl(config),
    issue: (slug) => issueUrl(base, slug),
  };
}

/** The subscribe page as a string, for templates: the one sign-up URL `gazette serve` answers (see subscribeEndpoint). */
export function subscribeUrl(config: GazetteConfig): string | null {
  return subscribeEndpoint(config)?.toString() ?? null;
}
