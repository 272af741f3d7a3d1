/** The small HTML pages a person sees when they open an unsubscribe link in a browser. */

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;color:#2b2722;background:#f6f3ee;margin:0;padding:48px 16px}' +
  'main{max-width:28rem;margin:auto;background:#fff;border-radius:10px;padding:32px}' +
  'button{font:inherit;background:#2b2722;color:#fff;border:0;border-radius:6px;padding:10px 18px;cursor:pointer}';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>\n`;
}

/** `ann@example.com` → `a••@example.com`: enough to recognise, not enough to harvest from a forwarded link. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(1, Math.min(local.length - 1, 6)))}${email.slice(at)}`;
}

/**
 * Asks before unsubscribing: link scanners and prefetchers open every URL in a message, so a GET
 * must change nothing. The form posts back to the same URL (relative, so it works behind any proxy).
 */
export function confirmationPage(newsletter: string, email: string, token: string, query = `?token=${encodeURIComponent(token)}`): string {
  return page(
    `Unsubscribe from ${newsletter}?`,
    `<p>Stop sending ${escapeHtml(newsletter)} to ${escapeHtml(maskAddress(email))}.</p>` +
      `<form method="post" action="${escapeHtml(query)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function unsubscribedPage(newsletter: string, email: string): string {
  return page('You are unsubscribed', `<p>${escapeHtml(maskAddress(email))} will get no more issues of ${escapeHtml(newsletter)}.</p>`);
}

export function invalidLinkPage(): string {
  return page('This link is not valid', '<p>The unsubscribe link is incomplete or has been altered. Open it again from the email, or reply to the email to be removed.</p>');
}
