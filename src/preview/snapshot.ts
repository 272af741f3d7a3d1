import type { BuildResult } from '../build.js';
import type { CheckReport } from '../check/report.js';
import { catalogueEntry, isCheckGroup } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../types.js';
import { messageHeaders, type MessageHeader } from './headers.js';

/** Gmail hides everything after about the first 102 KB of a message's HTML behind "View entire message". */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** What the preview page shows of one successful build. */
export interface PreviewSnapshot {
  week: string;
  title: string;
  from: string;
  to: string;
  articles: { slug: string; title: string }[];
  subject: string;
  preheader: string;
  headers: MessageHeader[];
  text: string;
  mjml: string;
  html: string;
  size: { bytes: number; budget: number; clip: number };
  /** The build's own warnings (articles, theme, config); the check rules' findings are in `checks`. */
  warnings: Diagnostic[];
  /** `gazette check`'s quick groups on the message it would examine, findings at their own severity. */
  checks: QuickChecks;
  /** Which build this is, to tell whether the last full check examined it (see `issueFingerprint`). */
  fingerprint: string;
}

export interface QuickChecks {
  groups: { group: string; status: 'ran' | 'skipped'; reason?: string; findings: number }[];
  findings: Diagnostic[];
  counts: { error: number; warning: number; info: number };
}

/**
 * Build lowers the quick rules to warnings so an issue still renders; the preview shows them once,
 * among the checks, at the severity `gazette check` gives them.
 */
function isCheckFinding(d: Diagnostic): boolean {
  const group = catalogueEntry(d.rule)?.group;
  return group !== undefined && isCheckGroup(group);
}

export function quickChecks(report: CheckReport): QuickChecks {
  return {
    groups: report.groups.map((group) => ({ group: group.group, status: group.status, ...(group.status === 'skipped' ? { reason: group.reason } : {}), findings: group.findings.length })),
    findings: report.findings,
    counts: report.counts,
  };
}

export async function toSnapshot(result: BuildResult, checks: QuickChecks, fingerprint: string): Promise<PreviewSnapshot> {
  const { issue, articles } = result.digest;
  return {
    week: issue.slug,
    title: issue.title,
    from: issue.from,
    to: issue.to,
    articles: articles.map(({ slug, title }) => ({ slug, title })),
    subject: result.email.subject,
    preheader: result.email.preheader,
    headers: await messageHeaders(result.eml),
    text: result.preview.text,
    mjml: result.email.mjml,
    html: result.preview.html,
    size: { bytes: Buffer.byteLength(result.preview.html, 'utf8'), budget: result.config.max_html_bytes, clip: GMAIL_CLIP_BYTES },
    warnings: result.diagnostics.filter((d) => !isCheckFinding(d)),
    checks,
    fingerprint,
  };
}
