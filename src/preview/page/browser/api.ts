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
  /** The build's own warnings; the check rules' findings are in `checks`. */
  warnings: PageDiagnostic[];
  /** `gazette check`'s quick groups on this build, findings at their own severity. */
  checks: PageChecks;
}

export interface PageCounts {
  error: number;
  warning: number;
  info: number;
}

export interface PageChecks {
  groups: { group: string; status: 'ran' | 'skipped'; reason?: string; findings: number }[];
  findings: PageDiagnostic[];
  counts: PageCounts;
}

/** The last `gazette check` of the issue (out/<slug>/check.json). */
export interface PageFullCheck {
  checkedAt: string;
  verdict: 'ready' | 'incomplete' | 'problems';
  counts: PageCounts;
  findings: PageDiagnostic[];
  skipped: { group: string; reason: string; required: boolean }[];
  stale: boolean;
}

export interface PageReadiness {
  state: 'broken' | 'problems' | 'unchecked' | 'stale' | 'incomplete' | 'ready';
  errors: number;
  skipped: string[];
}

export interface PageWebEdition {
  file: string;
  url: string | null;
  publishedAt: string | null;
}

/** `GET /api/state`. */
export interface PageState {
  version: number;
  weeks: PageWeek[];
  week: string | null;
  outcome: { ok: true; builtAt: string; snapshot: PageSnapshot } | { ok: false; errors: PageDiagnostic[] };
  fullCheck: PageFullCheck | null;
  readiness: PageReadiness;
  web: PageWebEdition | null;
}

/** `POST /api/send-test`. */
export type PageTestSendOutcome = { ok: true; sent: { to: string; destination: string; reply: string } } | { ok: false; errors: PageDiagnostic[] };
