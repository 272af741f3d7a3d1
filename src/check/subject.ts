import type { GazetteConfig } from '../config.js';
import { parseHtml, type HtmlDocument } from './html-document.js';
import { readMimeMessage, type MimeMessage } from './mime-message.js';

/** What `gazette check` examines: one issue's message for a sample subscriber, and the config it was built with. */
export interface CheckSubject {
  /** The issue's slug, `2024-W05`. */
  issue: string;
  message: MimeMessage;
  /** The message's HTML part; its findings point at email.html, which holds the same HTML. */
  html: HtmlDocument;
  /** The message's plain-text part, or '' when it has none. */
  text: string;
  config: GazetteConfig;
  /** The DKIM private key the config names (absolute), or null. */
  dkimKeyFile: string | null;
  /** How this build's per-recipient markers begin; null to look for any. */
  recipientMarker: string | null;
}

export interface SubjectInput {
  issue: string;
  eml: Buffer;
  /** Where findings point: the issue's email.html, and the file the examined message is written to. */
  files: { html: string; eml: string };
  config: GazetteConfig;
  dkimKeyFile: string | null;
  /** How the built issue's per-recipient markers begin (email.json); leave out to look for any. */
  recipientMarker?: string;
}

export async function checkSubject(input: SubjectInput): Promise<CheckSubject> {
  const message = await readMimeMessage(input.files.eml, input.eml);
  // The transport sends CRLF; email.html on disk has LF, and lines should match it.
  const html = typeof message.parsed.html === 'string' ? message.parsed.html.replace(/\r\n/g, '\n') : '';
  return {
    issue: input.issue,
    message,
    html: parseHtml(input.files.html, html),
    text: (message.parsed.text ?? '').replace(/\r\n/g, '\n'),
    config: input.config,
    dkimKeyFile: input.dkimKeyFile,
    recipientMarker: input.recipientMarker ?? null,
  };
}
