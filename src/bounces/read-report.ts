import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { BounceReport } from './bounce-report.js';
import { parseBounce, type BounceParseOptions } from './parse-bounce.js';

export type ReadReport = { ok: true; report: BounceReport; reportId: string } | { ok: false; reason: string };

/** Headers every email has at least one of; a file with none of them is not an email. */
const MESSAGE_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id', 'received', 'return-path', 'delivered-to']);

/**
 * One message's bytes, parsed and read as a bounce. The report's id is its Message-ID, or a hash
 * of its bytes when it has none: either way, reading the same message twice gives the same id.
 */
export async function readReport(raw: Buffer, options: BounceParseOptions): Promise<ReadReport> {
  if (raw.length === 0) return { ok: false, reason: 'the message is empty' };
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true });
  if (!mail.headerLines.some((header) => MESSAGE_HEADERS.has(header.key))) return { ok: false, reason: 'not an email message: it has no From, To, Subject or Date header' };
  const report = parseBounce(mail, options);
  return { ok: true, report, reportId: report.reportId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}` };
}
