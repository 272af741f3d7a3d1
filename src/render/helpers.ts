import type { HelperDelegate, HelperOptions } from 'handlebars';
import { formatDate, formatDateRange } from '../issue/calendar.js';
import type { RecipientMarkers } from './recipient-tokens.js';

export interface UtmParameters {
  source: string;
  medium: string;
  campaign: string;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function readingTime(minutes: number): string {
  return `${minutes} min read`;
}

/** Adds UTM parameters to absolute http(s) links; leaves other links and existing parameters alone. */
export function withUtm(url: string, utm: UtmParameters | null): string {
  if (!utm || !/^https?:\/\//i.test(url) || !URL.canParse(url)) return url;
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(utm)) {
    if (!parsed.searchParams.has(`utm_${key}`)) parsed.searchParams.set(`utm_${key}`, value);
  }
  return parsed.toString();
}

/**
 * The helpers themes may use. A trailing Handlebars options argument is dropped, so
 * optional parameters work: `{{formatDate date}}` and `{{formatDate date "short"}}`.
 */
export function themeHelpers(utm: UtmParameters | null, markers: RecipientMarkers): Record<string, HelperDelegate> {
  const withoutOptions = <T extends unknown[]>(args: T) => args.slice(0, -1) as unknown[];
  return {
    formatDate: (...args: unknown[]) => formatDate(...(withoutOptions(args) as [string, 'long' | 'short' | 'iso'])),
    dateRange: (from: string, to: string) => formatDateRange(from, to),
    plural: (...args: unknown[]) => plural(...(withoutOptions(args) as [number, string, string?])),
    readingTime: (minutes: number) => readingTime(minutes),
    // Not `link`: a helper shadows the article field of the same name (`{{link}}` would call it).
    utm: (url: unknown) => (typeof url === 'string' ? withUtm(url, utm) : ''),
    eq: (a: unknown, b: unknown) => a === b,
    /**
     * `{{{{recipient}}}}…{{{{/recipient}}}}` keeps its content as Handlebars source for the
     * per-recipient pass, so conditionals on subscriber fields work per recipient. The block is
     * theme source, never content: a raw block's body is the template's own text.
     */
    recipient: (options: HelperOptions) => `${markers.blockStart}${options.fn(undefined)}${markers.blockEnd}`,
  };
}
