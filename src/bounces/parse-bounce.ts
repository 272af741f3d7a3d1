import type { ParsedMail } from 'mailparser';
import { bounceIdOf } from '../message/return-path.js';
import type { BounceKind, BouncedRecipient, BounceReport } from './bounce-report.js';
import { addressValue, field, headerPart, readFields, type FieldBlock } from './header-fields.js';
import { classify, statusIn } from './status.js';

export interface BounceParseOptions {
  /** The VERP local part (`bounces` in `bounces+<id>@…`), from the config. */
  localPart: string;
}

/** Where a VERP id may be found on the report itself, in the order the receiving side fills them. */
const ENVELOPE_HEADERS = ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to', 'to'];

/** Who sends non-delivery reports. */
const DAEMON_SENDER = /^(?:[^<]*<)?\s*(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
/** Subjects of bounces that come as plain text (Exim, Yahoo, qmail) or with a report we could not read. */
const BOUNCE_SUBJECT = /undeliver|undelivered|delivery (status notification|failure|failed|has failed)|failure notice|returned mail|mail delivery failed|non-?delivery|delivery delayed|warning: could not send/i;
/** What a delivery program writes in a plain-text report. */
const BOUNCE_TEXT = /created automatically by mail delivery software|unable to deliver your message|could not be delivered|delivery has failed|permanent error|following address(es)? failed/i;
/** Where a plain-text report stops and its copy of our message begins. */
const COPY_SEPARATOR = /^[ \t]*-{2,}[ -]*(?:.*(?:copy of the message|below this line|original message|undelivered message)).*$/im;
/** RFC 3834 and the common non-standard markers of an automatic answer. */
const AUTO_REPLY_SUBJECT = /^\s*(?:auto(?:matic)?[ -]?(?:reply|response)|autoreply|out of (?:the )?office|away from (?:the )?office|on vacation|abwesen)/i;

/**
 * Reads a message that came back to the return path: a delivery status notification (RFC 3464,
 * and the plain-text reports Exim, Yahoo and qmail send), a complaint (ARF, RFC 5965), an
 * automatic reply (RFC 3834, ignored), or something else (`unknown`, reported, never acted on).
 * Pure: the parsed message in, a typed report out.
 */
export function parseBounce(mail: ParsedMail, options: BounceParseOptions): BounceReport {
  const headers = headerBlock(mail);
  const parts = mail.attachments.map((attachment) => ({ type: attachment.contentType.toLowerCase(), text: attachment.content.toString('utf8') }));
  const text = mail.text ?? '';
  const reportType = contentTypeParam(mail, 'report-type');
  const original = originalHeaders(parts, text);
  const base = {
    verpId: null as string | null,
    originalMessageId: originalMessageId(original, headers),
    reportId: field(headers, 'message-id'),
  };
  const verpFrom = (...extra: (string | null)[]) => findVerpId([...ENVELOPE_HEADERS.flatMap((name) => headers.get(name) ?? []), ...extra, field(original, 'return-path')], options.localPart);

  const feedback = parts.find((part) => part.type === 'message/feedback-report')?.text ?? (reportType === 'feedback-report' ? text : null);
  if (feedback !== null) {
    const fields = readFields(feedback);
    const address = addressValue(field(fields, 'original-rcpt-to')) ?? addressValue(field(original, 'to'));
    const recipients: BouncedRecipient[] = address ? [{ address, kind: 'complaint', status: null, diagnostic: null, action: field(fields, 'feedback-type') ?? 'abuse' }] : [];
    return { ...base, kind: 'complaint', recipients, verpId: verpFrom(field(fields, 'original-mail-from')), format: 'arf' };
  }

  const statusText = parts.find((part) => part.type === 'message/delivery-status' || part.type === 'message/global-delivery-status')?.text ?? text;
  const blocks = paragraphs(statusText).map(readFields);
  const perRecipient = blocks.filter((block) => block.has('final-recipient') || block.has('original-recipient'));
  if (perRecipient.length > 0) {
    const perMessage = blocks.find((block) => block.has('reporting-mta')) ?? new Map();
    const recipients = perRecipient.flatMap(dsnRecipient);
    return {
      ...base,
      kind: reportKind(recipients),
      recipients,
      verpId: verpFrom(field(perMessage, 'x-postfix-sender')),
      originalMessageId: base.originalMessageId ?? angleId(field(perMessage, 'x-original-message-id')),
      format: 'dsn',
    };
  }

  if (looksLikeBounce(headers, text)) {
    const recipients = plainTextRecipients(text, headers);
    return { ...base, kind: reportKind(recipients), recipients, verpId: verpFrom(), format: 'plain-text' };
  }

  if (isAutoReply(headers)) return { ...base, kind: 'auto-reply', recipients: [], verpId: verpFrom(), format: 'auto-reply' };
  return { ...base, kind: 'unknown', recipients: [], verpId: verpFrom(), format: null };
}

/** The report's own headers as raw text fields, so a To is read as written, not as parsed addresses. */
function headerBlock(mail: ParsedMail): FieldBlock {
  return readFields(mail.headerLines.map((header) => header.line).join('\n'));
}

function contentTypeParam(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return value?.params?.[name]?.toLowerCase() ?? null;
}

function paragraphs(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/);
}

function dsnRecipient(block: FieldBlock): BouncedRecipient[] {
  const address = addressValue(field(block, 'final-recipient')) ?? addressValue(field(block, 'original-recipient'));
  const action = field(block, 'action')?.toLowerCase() ?? null;
  // A report may also list recipients it delivered to or passed on: those did not bounce.
  if (!address || (action && /^(delivered|relayed|expanded)$/.test(action))) return [];
  // `smtp; 550-5.1.1 The account … 550-5.1.1 double-checking …`: one reply, its prefix once.
  const diagnostic = field(block, 'diagnostic-code')?.replace(/^[a-z0-9-]+\s*;\s*/i, '').replace(/(?<=\S)\s+\d{3}[- ]\d\.\d{1,3}\.\d{1,3}\s+/g, ' ') ?? null;
  const status = statusIn(field(block, 'status'));
  return [{ address, kind: classify(status, diagnostic, action), status, diagnostic, action }];
}

function reportKind(recipients: readonly BouncedRecipient[]): BounceKind {
  if (recipients.some((recipient) => recipient.kind === 'hard')) return 'hard';
  if (recipients.some((recipient) => recipient.kind === 'soft')) return 'soft';
  return 'unknown';
}

/** The headers of the message that bounced: an attached copy, its headers alone, or the text after a report's separator. */
function originalHeaders(parts: readonly { type: string; text: string }[], text: string): FieldBlock {
  const attached = parts.find((part) => part.type === 'text/rfc822-headers' || part.type === 'message/rfc822' || part.type === 'message/rfc822-headers');
  if (attached) return readFields(headerPart(attached.text.replace(/^\s+/, '')));
  const separator = COPY_SEPARATOR.exec(text);
  if (!separator) return new Map();
  return readFields(headerPart(text.slice(separator.index + separator[0].length).replace(/^\s+/, '')));
}

function originalMessageId(original: FieldBlock, headers: FieldBlock): string | null {
  const references = field(headers, 'references')?.split(/\s+/)[0] ?? null;
  return angleId(field(original, 'message-id')) ?? angleId(field(headers, 'in-reply-to')) ?? angleId(references);
}

/** `<id@host>` with its brackets, whatever the header wrote around it. */
function angleId(value: string | null): string | null {
  const id = value ? /<[^<>\s]+>/.exec(value)?.[0] : undefined;
  return id ?? null;
}

function findVerpId(candidates: readonly (string | null)[], localPart: string): string | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const address of candidate.split(/[,\s]+/)) {
      const id = bounceIdOf(address, localPart);
      if (id) return id;
    }
  }
  return null;
}

function looksLikeBounce(headers: FieldBlock, text: string): boolean {
  return (
    headers.has('x-failed-recipients') ||
    DAEMON_SENDER.test(field(headers, 'from') ?? '') ||
    BOUNCE_SUBJECT.test(field(headers, 'subject') ?? '') ||
    BOUNCE_TEXT.test(text.slice(0, 4000))
  );
}

/**
 * The addresses a plain-text report names, each with the words that follow it: Exim indents
 * the address on a line of its own, Yahoo and qmail write `<address>:` and the reply under it,
 * Postfix's human part `<address>: host … said: 550 …`. Only the report, not its copy of our message.
 */
function plainTextRecipients(text: string, headers: FieldBlock): BouncedRecipient[] {
  const separator = COPY_SEPARATOR.exec(text);
  const report = separator ? text.slice(0, separator.index) : text;
  const found = new Map<string, BouncedRecipient>();
  const fallback = /\b(temporary|delayed|not yet been delivered|will (?:keep )?try(?:ing)?)\b/i.test(report) ? 'soft' : /permanent/i.test(report) ? 'hard' : 'unknown';
  for (const paragraph of paragraphs(report)) {
    const lines = paragraph.split(/\r?\n/);
    const first = /^[ \t]*<?([^\s<>@:]+@[^\s<>:]+?)>?:?(?:[ \t]+(.*))?$/.exec(lines[0] ?? '');
    if (!first) continue;
    const address = first[1]!.replace(/\.$/, '');
    const diagnostic = [first[2] ?? '', ...lines.slice(1)].map((line) => line.trim()).filter(Boolean).join(' ') || null;
    const status = statusIn(diagnostic);
    const kind = classify(status, diagnostic, null);
    found.set(address.toLowerCase(), { address, kind: kind === 'unknown' ? fallback : kind, status, diagnostic, action: 'failed' });
  }
  for (const address of (field(headers, 'x-failed-recipients') ?? '').split(/[,\s]+/).filter((value) => value.includes('@'))) {
    if (!found.has(address.toLowerCase())) found.set(address.toLowerCase(), { address, kind: fallback, status: null, diagnostic: null, action: 'failed' });
  }
  return [...found.values()];
}

function isAutoReply(headers: FieldBlock): boolean {
  const autoSubmitted = field(headers, 'auto-submitted');
  const precedence = field(headers, 'precedence');
  return (
    (autoSubmitted !== null && !/^no\b/i.test(autoSubmitted)) ||
    headers.has('x-autoreply') ||
    headers.has('x-autorespond') ||
    (precedence !== null && /auto[_-]?reply/i.test(precedence)) ||
    AUTO_REPLY_SUBJECT.test(field(headers, 'subject') ?? '')
  );
}
