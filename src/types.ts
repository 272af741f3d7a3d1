/**
 * The data that flows between Gazette's stages:
 * load → Article, summarize → Summary, build → Digest, render → RenderedEmail,
 * message → OutboundMessage, send → LedgerEntry.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Every problem Gazette finds, whatever stage found it, is one of these. */
export interface Diagnostic {
  /** Path of the file the problem is in, relative to the workspace where possible. */
  file?: string;
  /** 1-based line and column, when the problem has a place in the file. */
  line?: number;
  column?: number;
  /** Front-matter or config field the problem concerns (`date`, `quotes[1].speaker`). */
  field?: string;
  /** The rule's id in the catalogue (`src/diagnostics/catalogue.ts`), e.g. `front-matter/required`, `axe/color-contrast`. */
  rule: string;
  severity: Severity;
  message: string;
}

/** A direct quotation as shown in the digest. */
export interface Quote {
  text: string;
  /** Resolved full name of the speaker, or null when the text does not say. */
  speaker: string | null;
  /** Role the text gives the speaker ("US National Security Council spokesman"), or null. */
  role: string | null;
}

/** A quotation found in a text, with its offsets (JavaScript string indices, end exclusive). */
export interface QuoteSpan extends Quote {
  start: number;
  end: number;
  /** The mention the attribution rests on, next to the quote (`he` in `"…," he said`). */
  speakerStart: number | null;
  speakerEnd: number | null;
}

export interface Summary {
  keyPoints: string[];
  quotes: Quote[];
}

/** What an article and its entry in the digest share. */
export interface ArticleMeta {
  /** File name without extension: `2024-01-30-fentanyl-talks`. */
  slug: string;
  title: string;
  /** ISO calendar date, `YYYY-MM-DD`. */
  date: string;
  url: string | null;
  source: string | null;
  author: string | null;
  tags: string[];
  image: string | null;
  imageAlt: string | null;
  featured: boolean;
}

export interface Article extends ArticleMeta {
  /** Path of the source file. */
  file: string;
  draft: boolean;
  /** Editor overrides from front matter; they win over the summarizer. */
  keyPoints: string[] | null;
  quotes: Quote[] | null;
  /** The Markdown body as written. */
  markdown: string;
  /** The body as plain text: one paragraph per block, blocks separated by a blank line. */
  text: string;
  wordCount: number;
}

export interface DigestArticle extends ArticleMeta {
  readingMinutes: number;
  keyPoints: string[];
  quotes: Quote[];
}

export interface IssueInfo {
  title: string;
  number: number;
  /** ISO week of the window's end, `2024-W05`, or `from_to` for a custom window. */
  slug: string;
  from: string;
  to: string;
}

export interface DigestSection {
  title: string;
  tag: string | null;
  articles: DigestArticle[];
}

/** What digest.json holds. */
export interface Digest {
  issue: IssueInfo;
  articles: DigestArticle[];
  warnings: Diagnostic[];
}

/**
 * The issue rendered once: MJML compiled to HTML in which only per-recipient fields
 * (`subscriber.name`, `unsubscribe_url`, …) remain, as markers that start with `recipientMarker`.
 */
export interface RenderedEmail {
  subject: string;
  preheader: string;
  /** MJML after the issue-level Handlebars pass. */
  mjml: string;
  /** Compiled HTML with per-recipient tokens still in it. */
  htmlTemplate: string;
  /** Plain-text part with per-recipient tokens still in it. */
  textTemplate: string;
  /** How this build's per-recipient markers begin (`[[gz:<nonce>:`): only they are filled per recipient. */
  recipientMarker: string;
}

/** Per-recipient values filled into a RenderedEmail. */
export interface Recipient {
  email: string;
  name: string | null;
  /** Every column of the list, `email` and `name` included: the `{{subscriber.*}}` fields. */
  fields: Record<string, string>;
}

export interface PersonalizedEmail {
  html: string;
  text: string;
}

/** One message ready for the transport. */
export interface OutboundMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
  /** Where replies go (config `reply_to`), or null for the From address. */
  replyTo: string | null;
  /** Extra headers, already formatted; sent unfolded. */
  headers: Record<string, string>;
  /**
   * The SMTP envelope sender (MAIL FROM), where bounces go: the recipient's VERP address
   * (`bounces+<id>@example.com`), or null to use the From address.
   */
  returnPath: string | null;
}

export type LedgerState = 'pending' | 'sending' | 'sent' | 'failed';

/** One row of the send ledger: an issue and one recipient. */
export interface LedgerEntry {
  issue: string;
  email: string;
  state: LedgerState;
  messageId: string | null;
  /** The server's reply for sent and failed messages. */
  reply: string | null;
  attempts: number;
  updatedAt: string;
}
