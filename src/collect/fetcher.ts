import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';
import { decodeBody } from './charset.js';
import { ALLOW_ALL, crawlDelay, isAllowed, parseRobots, type RobotsRules } from './robots.js';

/** How the one network edge of collecting behaves; every limit is here, so tests and the CLI can set it. */
export interface FetcherOptions {
  /** The User-Agent header: names Gazette and where to read about it. */
  userAgent: string;
  /** The name robots.txt groups are matched against (`User-agent: Gazette`). */
  robotsToken: string;
  /** Each request, its body included, must finish within this. */
  timeoutMs: number;
  /** Bodies larger than this are refused, announced or not. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Pause between two requests to one host (robots.txt may ask for longer, up to ten seconds). */
  hostDelayMs: number;
  ignoreRobots: boolean;
}

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  userAgent: 'Gazette (newsletter article collector; one request at a time per site)',
  robotsToken: 'Gazette',
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  hostDelayMs: 500,
  ignoreRobots: false,
};

/** What a caller asks for: an HTML page, or a feed (RSS, Atom, JSON Feed). */
export type Wanted = 'page' | 'feed';
export type DocumentKind = 'html' | 'xml' | 'json';

export interface FetchedDocument {
  /** The URL asked for. */
  requested: string;
  /** Where the redirects, if any, led: the URL the text came from. */
  url: string;
  redirects: string[];
  kind: DocumentKind;
  text: string;
}

export type FetchOutcome = { ok: true; document: FetchedDocument } | { ok: false; problem: Diagnostic };

const ACCEPT: Record<Wanted, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,text/html;q=0.5',
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_CRAWL_DELAY_MS = 10_000;

type Hop =
  | { type: 'redirect'; location: string }
  | { type: 'body'; contentType: string | null; bytes: Uint8Array }
  | { type: 'problem'; problem: Diagnostic };

/**
 * The one place collecting touches the network. Each host gets one request at a time with a
 * pause between them, robots.txt is read once per site and obeyed, redirects are followed by
 * hand (bounded, each hop checked), bodies are capped while they stream, and the text is
 * decoded by the charset the response or the document declares. Failures are diagnostics
 * naming the URL, never exceptions.
 */
export class Fetcher {
  readonly options: FetcherOptions;
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly robots = new Map<string, Promise<RobotsRules | Diagnostic>>();
  /** The robots.txt already read, by origin, for the pause it may ask for (read without waiting). */
  private readonly robotsRead = new Map<string, RobotsRules>();

  constructor(options: Partial<FetcherOptions> = {}) {
    this.options = { ...DEFAULT_FETCHER_OPTIONS, ...options };
  }

  async fetchDocument(requested: string, wanted: Wanted): Promise<FetchOutcome> {
    const fail = (rule: Parameters<typeof diagnostic>[0], message: string): FetchOutcome => ({ ok: false, problem: diagnostic(rule, message, { file: requested }) });
    let current: URL;
    try {
      current = new URL(requested);
    } catch {
      return fail('collect/invalid-url', 'is not a URL');
    }
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return fail('collect/invalid-url', `is a ${current.protocol} URL; only http and https pages can be collected`);
    const redirects: string[] = [];
    for (;;) {
      const via = redirects.length > 0 ? ` (redirected to ${current.href})` : '';
      if (!this.options.ignoreRobots) {
        const rules = await this.robotsOf(current, requested);
        if (!('groups' in rules)) return { ok: false, problem: rules };
        if (!isAllowed(rules, this.options.robotsToken, current.pathname + current.search)) {
          return fail('collect/robots', `the site's robots.txt asks crawlers not to fetch ${current.pathname}${via}`);
        }
      }
      const hop = await this.inLane(current, () => this.request(current, wanted, requested));
      if (hop.type === 'problem') return { ok: false, problem: via ? { ...hop.problem, message: `${hop.problem.message}${via}` } : hop.problem };
      if (hop.type === 'redirect') {
        if (redirects.length >= this.options.maxRedirects) return fail('collect/redirects', `more than ${this.options.maxRedirects} redirects (last to ${current.href})`);
        let next: URL;
        try {
          next = new URL(hop.location, current);
        } catch {
          return fail('collect/redirects', `redirected to "${hop.location}", which is not a URL`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return fail('collect/redirects', `redirected to a ${next.protocol} URL`);
        if (redirects.includes(next.href) || next.href === requested) return fail('collect/redirects', `redirects in a loop (back to ${next.href})`);
        redirects.push(next.href);
        current = next;
        continue;
      }
      const kind = classify(hop.contentType, hop.bytes);
      if (kind.type === 'refused') return fail('collect/not-html', `${kind.reason}${via}`);
      if (wanted === 'page' && kind.kind !== 'html') return fail('collect/not-html', `is a feed, not a web page; add it as a feed${via}`);
      return { ok: true, document: { requested, url: current.href, redirects, kind: kind.kind, text: decodeBody(hop.bytes, hop.contentType) } };
    }
  }

  /** Runs `work` when the host's previous request is done and its pause is over. */
  private async inLane<T>(url: URL, work: () => Promise<T>): Promise<T> {
    const previous = this.lanes.get(url.host) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.lanes.set(url.host, done);
    await previous;
    try {
      return await work();
    } finally {
      const delay = this.delayFor(url);
      if (delay > 0) setTimeout(release, delay);
      else release();
    }
  }

  private delayFor(url: URL): number {
    const rules = this.robotsRead.get(url.origin);
    const asked = rules ? crawlDelay(rules, this.options.robotsToken) : null;
    return Math.max(this.options.hostDelayMs, Math.min(MAX_CRAWL_DELAY_MS, (asked ?? 0) * 1000));
  }

  /** The site's robots.txt, read once: none (4xx) allows everything; one the server fails to give (5xx) closes the site (RFC 9309). */
  private robotsOf(url: URL, requested: string): Promise<RobotsRules | Diagnostic> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.readRobots(new URL('/robots.txt', url.origin), requested).then((read) => {
        if ('groups' in read) this.robotsRead.set(url.origin, read);
        return read;
      });
      this.robots.set(url.origin, rules);
    }
    return rules;
  }

  private async readRobots(robotsUrl: URL, requested: string): Promise<RobotsRules | Diagnostic> {
    let current = robotsUrl;
    for (let hops = 0; hops <= this.options.maxRedirects; hops++) {
      const target = current;
      const response = await this.inLane(target, () => this.rawRequest(target, 'text/plain', requested));
      if ('problem' in response) {
        if (response.status !== undefined && response.status >= 400 && response.status < 500) return ALLOW_ALL;
        // No answer at all (no such host, refused, timed out): the page would fare no better, and "robots.txt" would mislead.
        if (response.status === undefined) return response.problem;
        return { ...response.problem, rule: 'collect/robots', message: `robots.txt could not be read (${response.problem.message}), so the site is treated as closed to crawlers` };
      }
      if (response.location !== null) {
        current = new URL(response.location, current);
        continue;
      }
      return parseRobots(decodeBody(response.bytes, response.contentType));
    }
    return ALLOW_ALL;
  }

  private async request(url: URL, wanted: Wanted, requested: string): Promise<Hop> {
    const response = await this.rawRequest(url, ACCEPT[wanted], requested);
    if ('problem' in response) return { type: 'problem', problem: response.problem };
    if (response.location !== null) return { type: 'redirect', location: response.location };
    return { type: 'body', contentType: response.contentType, bytes: response.bytes };
  }

  /** One HTTP exchange: a redirect's location, or the body (capped), or a problem with the status when there was one. */
  private async rawRequest(
    url: URL,
    accept: string,
    requested: string,
  ): Promise<{ location: string | null; contentType: string | null; bytes: Uint8Array } | { problem: Diagnostic; status?: number }> {
    const problem = (rule: Parameters<typeof diagnostic>[0], message: string, status?: number) => ({ problem: diagnostic(rule, message, { file: requested }), status });
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const seconds = `${this.options.timeoutMs / 1000} s`;
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': this.options.userAgent, accept, 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'en;q=0.9, *;q=0.5' },
      });
      const location = response.headers.get('location');
      if (REDIRECT_STATUSES.has(response.status) && location) {
        await response.body?.cancel();
        return { location, contentType: null, bytes: new Uint8Array() };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return problem('collect/http-status', `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
      }
      const contentType = response.headers.get('content-type');
      const early = classify(contentType, null);
      if (early.type === 'refused') {
        await response.body?.cancel();
        return problem('collect/not-html', early.reason);
      }
      const announced = Number(response.headers.get('content-length'));
      // Content-Length counts the encoded bytes; the cap is on the decoded ones, checked as they stream.
      if (!response.headers.get('content-encoding') && announced > this.options.maxBytes) {
        await response.body?.cancel();
        return problem('collect/too-large', `is ${formatBytes(announced)}, more than the ${formatBytes(this.options.maxBytes)} allowed`);
      }
      const bytes = await readCapped(response, this.options.maxBytes);
      if (!bytes) return problem('collect/too-large', `is more than the ${formatBytes(this.options.maxBytes)} allowed`);
      return { location: null, contentType, bytes };
    } catch (error) {
      if (signal.aborted) return problem('collect/timeout', `no complete answer within ${seconds}`);
      return problem('collect/network', `cannot be reached: ${networkReason(error)}`);
    }
  }
}

/** The body, or null once it grows past `maxBytes` (the rest is never read). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

type Classified = { type: 'document'; kind: DocumentKind } | { type: 'refused'; reason: string };

/** What a response holds, by its Content-Type, or by its first bytes when it has none. */
export function classify(contentType: string | null, bytes: Uint8Array | null): Classified {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return { type: 'document', kind: 'html' };
  if (/^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml)$/.test(type)) return { type: 'document', kind: 'xml' };
  if (type === 'application/feed+json' || type === 'application/json') return { type: 'document', kind: 'json' };
  if (type === 'application/pdf') return { type: 'refused', reason: 'is a PDF, not a web page: save what it says as an article by hand' };
  if (type.startsWith('image/')) return { type: 'refused', reason: `is an image (${type}), not a web page` };
  if (type !== '' && type !== 'application/octet-stream' && type !== 'text/plain') return { type: 'refused', reason: `is ${type}, neither a web page nor a feed` };
  if (bytes === null) return { type: 'document', kind: 'html' }; // decided once the body is read
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return { type: 'refused', reason: 'is a PDF, not a web page: save what it says as an article by hand' };
  if (head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed')) return { type: 'document', kind: 'xml' };
  if (head.startsWith('{')) return { type: 'document', kind: 'json' };
  if (head.startsWith('<')) return { type: 'document', kind: 'html' };
  return { type: 'refused', reason: `is ${type || 'of no declared type'} and does not look like a web page or a feed` };
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code === 'ENOTFOUND' ? 'no such host' : cause.code === 'ECONNREFUSED' ? 'connection refused' : cause.message ?? cause.code;
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
