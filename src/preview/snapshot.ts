import type { BuildResult } from '../build.js';
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
  warnings: Diagnostic[];
}

export async function toSnapshot(result: BuildResult): Promise<PreviewSnapshot> {
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
    warnings: result.diagnostics,
  };
}
