/** The small HTML pages a person sees when they open an unsubscribe link in a browser. */
import { escapeHtml, page } from '../serve/page.js';

/** `ann@example.com` → `a••@example.com`: enough to recognise, not enough to harvest from a forwarded link. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(1, Math.min(local.length - 1, 6)))}${email.slice(at)}`;
}

function unsubscribeForm(query: string): string {
  return `<form method="post" action="${escapeHtml(query)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`;
}

/**
 * Asks before unsubscribing: link scanners and prefetchers open every URL in a message, so a GET
 * must change nothing. The form posts back to the same URL (relative, so it works behind any proxy).
 */
export function confirmationPage(newsletter: string, email: string, token: string, query = `?token=${encodeURIComponent(token)}`): string {
  return page(`Unsubscribe from ${newsletter}?`, `<p>Stop sending ${escapeHtml(newsletter)} to ${escapeHtml(maskAddress(email))}.</p>${unsubscribeForm(query)}`);
}

export function unsubscribedPage(newsletter: string, email: string): string {
  return page('You are unsubscribed', `<p>${escapeHtml(maskAddress(email))} will get no more issues of ${escapeHtml(newsletter)}.</p>`);
}

export function invalidLinkPage(): string {
  return page('This link is not valid', '<p>The unsubscribe link is incomplete or has been altered. Open it again from the email, or reply to the email to be removed.</p>');
}

/** A POST that did not say `List-Unsubscribe=One-Click`: offer the button that does. */
export function notOneClickPage(query: string): string {
  return page('Nothing was changed', `<p>This request did not ask to unsubscribe. Use the button to confirm.</p>${unsubscribeForm(query)}`);
}
