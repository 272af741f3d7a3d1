/**
 * The JSON the preview page reads from its server, as the page sees it. The server's own types
 * (preview/builds.ts, preview/test-send.ts) must fit these: test/preview-page-api.test.ts checks
 * that at compile time, since the page is compiled apart from the server, for the browser.
 */

export interface PageDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  rule: string;
  severity: string;
  message: string;
}

export interface PageWeek {
  week: string;
  from: string;
  to: string;
  articles: number;
}

export interface PageSnapshot {
  week: string;
  from: string;
  to: string;
  articles: { title: string }[];
  subject: string;
  preheader: string;
  headers: { name: string; value: string }[];
  text: string;
  mjml: string;
  html: string;
  size: { bytes: number; budget: number; clip: number };
  warnings: PageDiagnostic[];
}

/** `GET /api/state`. */
export interface PageState {
  version: number;
  weeks: PageWeek[];
  week: string | null;
  outcome: { ok: true; builtAt: string; snapshot: PageSnapshot } | { ok: false; errors: PageDiagnostic[] };
}

/** `POST /api/send-test`. */
export type PageTestSendOutcome = { ok: true; sent: { to: string; destination: string; reply: string } } | { ok: false; errors: PageDiagnostic[] };
