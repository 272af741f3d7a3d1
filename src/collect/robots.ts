/**
 * robots.txt as RFC 9309 reads it: groups of user-agent lines with their allow and disallow
 * rules; the longest matching rule wins, allow on a tie; `*` matches any characters and a final
 * `$` anchors the end. Pure: the fetcher reads the file, this only answers questions about it.
 */

interface RobotsRule {
  allow: boolean;
  /** The path pattern as written, percent-encoding normalized. */
  pattern: string;
  matcher: RegExp;
}

interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
  /** Seconds between requests, when the group asks for it (not in RFC 9309, widely written). */
  crawlDelay: number | null;
}

export interface RobotsRules {
  groups: RobotsGroup[];
}

/** Rules that allow everything: no robots.txt (404), or one that could not be read. */
export const ALLOW_ALL: RobotsRules = { groups: [] };

export function parseRobots(text: string): RobotsRules {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  // Consecutive user-agent lines share one group; a rule line closes the list of agents.
  let collectingAgents = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!collectingAgents || !current) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      collectingAgents = true;
      continue;
    }
    collectingAgents = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty disallow allows everything: it is no rule at all.
      if (value === '') continue;
      const pattern = normalizePath(value);
      current.rules.push({ allow: key === 'allow', pattern, matcher: patternMatcher(pattern) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  return { groups };
}

/** The group that speaks to this crawler: the one naming its product token, else the `*` group. */
function groupFor(rules: RobotsRules, productToken: string): RobotsGroup[] {
  const token = productToken.toLowerCase();
  const named = rules.groups.filter((group) => group.agents.some((agent) => agent !== '*' && token.startsWith(agent)));
  if (named.length > 0) return named;
  return rules.groups.filter((group) => group.agents.includes('*'));
}

/** Whether the crawler named `productToken` (e.g. `Gazette`) may fetch `pathAndQuery` (`/news/a?b=1`). */
export function isAllowed(rules: RobotsRules, productToken: string, pathAndQuery: string): boolean {
  const target = normalizePath(pathAndQuery || '/');
  // robots.txt itself is always allowed.
  if (target === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const group of groupFor(rules, productToken)) {
    for (const rule of group.rules) {
      if (!rule.matcher.test(target)) continue;
      if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
    }
  }
  return best?.allow ?? true;
}

/** The crawl delay the crawler's group asks for, in seconds, or null. */
export function crawlDelay(rules: RobotsRules, productToken: string): number | null {
  const delays = groupFor(rules, productToken)
    .map((group) => group.crawlDelay)
    .filter((delay): delay is number => delay !== null);
  return delays.length > 0 ? Math.max(...delays) : null;
}

function patternMatcher(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** `/caf%c3%a9` and `/café` are one path: percent-encode what needs it, upper-case the escapes. */
function normalizePath(value: string): string {
  const encoded = value.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  return encoded.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}
