/** What a message that came back is: read by `parseBounce`, acted on by the bounce log. */
export type BounceKind = 'hard' | 'soft' | 'complaint' | 'auto-reply' | 'unknown';

/** One address a report is about. */
export interface BouncedRecipient {
  address: string;
  /** `hard`, `soft` or `complaint`; `unknown` when nothing in the report says which. */
  kind: Exclude<BounceKind, 'auto-reply'>;
  /** RFC 3463 status (`5.1.1`), or null when the report gives none. */
  status: string | null;
  /** The remote server's words (`550 5.1.1 User unknown`), unfolded. */
  diagnostic: string | null;
  /** RFC 3464 Action (`failed`, `delayed`), or the ARF Feedback-Type for a complaint. */
  action: string | null;
}

export interface BounceReport {
  kind: BounceKind;
  recipients: BouncedRecipient[];
  /** The id of our VERP return path the report came back to (`bounces+<id>@…`), when one is found. */
  verpId: string | null;
  /** Message-ID of the message that bounced, from the quoted headers or In-Reply-To. */
  originalMessageId: string | null;
  /** The report's own Message-ID; null when it has none (the caller then hashes its bytes). */
  reportId: string | null;
  /** Which reading recognised it: `dsn`, `arf`, `plain-text`, `auto-reply`, or null. */
  format: 'dsn' | 'arf' | 'plain-text' | 'auto-reply' | null;
}
