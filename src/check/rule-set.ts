import type { Diagnostic, Severity } from '../types.js';

/** The groups of `gazette check`, in the order they run and print. */
export const CHECK_GROUPS = ['size', 'mime', 'dkim', 'links', 'accessibility', 'axe', 'html', 'clients', 'content', 'spam'] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

export interface RuleDefinition {
  group: CheckGroup;
  severity: Severity;
  /** One line for `docs/check-rules.md` and `--json` consumers. */
  summary: string;
}

/**
 * Every rule `gazette check` reports, with the severity it reports at. Ids ending in `/*`
 * are families: the finding's id names the member (`html-validate/no-dup-id`).
 * `docs/check-rules.md` explains each one; a test keeps the two in step.
 */
export const RULES = {
  'html/size': { group: 'size', severity: 'error', summary: 'HTML over max_html_bytes (Gmail clips at about 102 KB), naming the largest contributors' },

  'mime/alternative': { group: 'mime', severity: 'warning', summary: 'the message is multipart/alternative with a text/plain and a text/html part' },
  'mime/alt-diff': { group: 'mime', severity: 'warning', summary: "the text part carries the HTML's words (SpamAssassin's MPART_ALT_DIFF)" },
  'mime/line-length': { group: 'mime', severity: 'error', summary: 'no line longer than 998 characters (RFC 5322)' },
  'mime/crlf': { group: 'mime', severity: 'error', summary: 'every line ends in CRLF (RFC 5322, SMTP)' },
  'mime/date': { group: 'mime', severity: 'error', summary: 'one valid Date header' },
  'mime/message-id': { group: 'mime', severity: 'error', summary: 'one Message-ID of the form <local@domain>' },
  'mime/from': { group: 'mime', severity: 'error', summary: 'exactly one From header with one address' },
  'mime/list-unsubscribe': { group: 'mime', severity: 'error', summary: 'List-Unsubscribe with an https URL (RFC 2369, RFC 8058)' },
  'mime/list-unsubscribe-post': { group: 'mime', severity: 'error', summary: 'List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058)' },
  'mime/list-id': { group: 'mime', severity: 'warning', summary: 'a List-Id header (RFC 2919)' },

  'dkim/key': { group: 'dkim', severity: 'error', summary: 'the configured DKIM key can be read and used' },
  'dkim/verify': { group: 'dkim', severity: 'error', summary: 'the DKIM signature verifies against the configured key' },
  'dkim/list-unsubscribe-signed': { group: 'dkim', severity: 'error', summary: 'the signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)' },
  'dkim/alignment': { group: 'dkim', severity: 'warning', summary: "the signing domain aligns with the From address's domain (DMARC)" },

  'html/relative-url': { group: 'links', severity: 'error', summary: 'links are absolute http(s) or mailto (or #fragments); images are http(s) or cid' },
  'html/unresolved-token': { group: 'links', severity: 'error', summary: 'no per-recipient field left unfilled in the HTML' },
  'html/unsafe': { group: 'links', severity: 'error', summary: 'no script, form, frame, event handler or javascript:/data: URL in the HTML' },
  'link/empty-text': { group: 'links', severity: 'warning', summary: 'every link has a name: text, an image with alt, aria-label or title' },
  'link/utm': { group: 'links', severity: 'warning', summary: 'with utm configured, links to base_url carry utm_source, utm_medium and utm_campaign' },
  'link/unsubscribe': { group: 'links', severity: 'error', summary: 'the HTML has an unsubscribe link' },

  'a11y/lang': { group: 'accessibility', severity: 'warning', summary: '<html lang> is set and not "und"' },
  'a11y/img-alt': { group: 'accessibility', severity: 'error', summary: 'every image has an alt attribute' },
  'a11y/img-alt-empty': { group: 'accessibility', severity: 'warning', summary: 'content images (not spacers) have non-empty alt text' },
  'a11y/layout-table': { group: 'accessibility', severity: 'warning', summary: 'layout tables (no th or caption) have role="presentation"' },

  'axe/*': { group: 'axe', severity: 'warning', summary: 'axe-core violations in Chromium (colour contrast and the WCAG A/AA rules the static rules do not cover)' },

  'html-validate/*': { group: 'html', severity: 'warning', summary: 'html-validate with the email rule set of docs/check-rules.md' },

  'clients/css': { group: 'clients', severity: 'info', summary: 'CSS features that some major email clients do not support (Can I Email data)' },

  'content/image-only': { group: 'content', severity: 'warning', summary: 'an email of images with little text (SpamAssassin HTML_IMAGE_ONLY_*)' },
  'content/subject-caps': { group: 'content', severity: 'warning', summary: 'a subject in capitals (SpamAssassin SUBJ_ALL_CAPS)' },

  'spam/score': { group: 'spam', severity: 'warning', summary: "SpamAssassin's offline score reaches its spam threshold" },
  'spam/rule': { group: 'spam', severity: 'info', summary: 'a SpamAssassin rule that added to the score' },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;
type FamilyId = Extract<RuleId, `${string}/*`>;

export type Place = Omit<Diagnostic, 'rule' | 'severity' | 'message'>;

/** A finding of one rule, at the severity the rule set gives it. */
export function finding(rule: Exclude<RuleId, FamilyId>, message: string, place: Place = {}): Diagnostic {
  return { ...place, rule, severity: RULES[rule].severity, message };
}

/** A finding of one member of a rule family: `familyFinding('axe/*', 'color-contrast', …)`. */
export function familyFinding(family: FamilyId, member: string, message: string, place: Place = {}): Diagnostic {
  return { ...place, rule: family.replace('*', member), severity: RULES[family].severity, message };
}
