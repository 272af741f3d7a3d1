/** The pages of the sign-up side: the form, the neutral answer, and what a confirmation link shows. */
import { escapeHtml, page } from '../serve/page.js';
import { maskAddress } from '../unsubscribe/page.js';

/** The name of the honeypot field: hidden from people, filled in by form-filling bots. */
export const HONEYPOT_FIELD = 'website';

export interface FormValues {
  email: string;
  name: string;
  /** A problem with what was entered, shown above the form. */
  error?: string;
}

/**
 * The sign-up form. It works without JavaScript, labels every input, and posts to itself (a
 * relative URL, so it works behind any proxy). The honeypot is moved off-screen rather than
 * hidden with `display:none` (which some bots skip), and kept out of the tab order and away from
 * screen readers and autofill, so only a bot fills it in.
 */
export function subscribeFormPage(newsletter: string, values: FormValues = { email: '', name: '' }): string {
  const error = values.error ? `<p class="error" id="form-error" role="alert">${escapeHtml(values.error)}</p>` : '';
  const described = values.error ? ' aria-describedby="form-error" aria-invalid="true"' : '';
  return page(
    `Subscribe to ${newsletter}`,
    `<p>Get ${escapeHtml(newsletter)} by email. We send a link to confirm the address first.</p>${error}` +
      '<form method="post" action="">' +
      `<label for="email">Email address</label><input id="email" name="email" type="email" required autocomplete="email" maxlength="254" value="${escapeHtml(values.email)}"${described}>` +
      `<label for="name">Name <span class="hint">(optional)</span></label><input id="name" name="name" type="text" autocomplete="name" maxlength="100" value="${escapeHtml(values.name)}">` +
      `<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Leave this field empty</label><input id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>` +
      '<button type="submit">Subscribe</button></form>',
  );
}

/**
 * The one answer to every accepted sign-up, whatever the store knows about the address: it must
 * not tell anyone whether an address is subscribed. It does not repeat the address either.
 */
export const CHECK_INBOX_MESSAGE =
  'Check your inbox: unless the address is already subscribed, a confirmation link is on its way. Nothing is sent to it until the link is clicked.';

export function checkInboxPage(newsletter: string): string {
  return page('Check your inbox', `<p>${escapeHtml(CHECK_INBOX_MESSAGE)}</p><p class="hint">Nothing there after a few minutes? Look in the spam folder, or sign up again later. ${escapeHtml(newsletter)} never shares your address.</p>`);
}

export function tooManyPage(): string {
  return page('Too many sign-ups', '<p>Too many sign-ups came from your network in the last hour. Please try again later.</p>');
}

function signUpAgain(subscribeUrl: string): string {
  return `<p><a href="${escapeHtml(subscribeUrl)}">Sign up again</a> to get a new link.</p>`;
}

export function subscribedPage(newsletter: string, email: string): string {
  return page('You are subscribed', `<p>${escapeHtml(maskAddress(email))} will receive ${escapeHtml(newsletter)}. Every issue has a link to unsubscribe.</p>`);
}

export function invalidConfirmPage(subscribeUrl: string): string {
  return page('This link is not valid', `<p>The confirmation link is incomplete or has been altered. Open it again from the email.</p>${signUpAgain(subscribeUrl)}`);
}

export function expiredConfirmPage(subscribeUrl: string): string {
  return page('This link has expired', `<p>Confirmation links work for a limited time, and this one is too old.</p>${signUpAgain(subscribeUrl)}`);
}

/** The address unsubscribed after this link was sent, or the operator removed it: the link no longer speaks for it. */
export function staleConfirmPage(subscribeUrl: string): string {
  return page('This link is no longer valid', `<p>The address changed its subscription after this link was sent, so the link was not used.</p>${signUpAgain(subscribeUrl)}`);
}

export function suppressedConfirmPage(newsletter: string): string {
  return page(
    'This address cannot be subscribed',
    `<p>Earlier messages of ${escapeHtml(newsletter)} to this address bounced or were reported as spam, so nothing is sent to it. Contact the newsletter's sender to have that looked at.</p>`,
  );
}
