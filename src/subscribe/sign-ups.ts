import type { ConfirmOutcome, SubscriberStore } from '../subscribers/subscriber-store.js';
import { signToken } from '../unsubscribe/token.js';
import { unsubscribeLink } from '../unsubscribe/endpoint.js';
import { openConfirmToken, sealConfirmToken } from './confirm-token.js';
import type { NoticeMailer } from './notice-mailer.js';
import type { NoticeTemplate } from './notice-template.js';
import type { SignUpLimits } from './sign-up-limits.js';
import { greetableName } from './sign-up-name.js';

/**
 * What became of one sign-up, for the log (which never names the address): `sent` a confirmation
 * email; nothing sent because the address is `already-confirmed`, `suppressed` (bounced or
 * complained), or had its `address-limit` of confirmation emails; or the email `failed`.
 */
export type SignUpOutcome = 'sent' | 'already-confirmed' | 'suppressed' | 'address-limit' | 'failed';

export type ConfirmResult = { outcome: 'invalid' | 'expired' } | { outcome: ConfirmOutcome; email: string };

export interface SignUpsOptions {
  store: SubscriberStore;
  limits: SignUpLimits;
  mailer: NoticeMailer;
  confirmTemplate: NoticeTemplate<'confirm'>;
  /** Sent once an address is confirmed; null when `subscribe.welcome` is off. */
  welcomeTemplate: NoticeTemplate<'welcome'> | null;
  newsletter: string;
  secret: string;
  /** The public URL confirmation links point to. */
  confirmEndpoint: URL;
  /** Where the welcome's unsubscribe link points. */
  unsubscribeEndpoint: URL | null;
  confirmDays: number;
  now?: () => Date;
  /** Called when background work (an email) ends, for the log. */
  onNotice?: (event: { kind: 'confirm' | 'welcome'; outcome: SignUpOutcome; error?: string }) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Double opt-in. A sign-up is answered before anything about the address is looked at (see
 * `admit` and `process`), so the answer and its timing are the same whether the address is new,
 * pending, confirmed or suppressed. Only a new, pending or unsubscribed address is sent a
 * confirmation link; confirming it is one GET of that link.
 */
export class SignUps {
  private readonly now: () => Date;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: SignUpsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Counts a sign-up against its client's hourly limit; false when over it. The same for every address. */
  admit(clientAddress: string): Promise<boolean> {
    return this.options.limits.takeIp(clientAddress);
  }

  /** Handles a sign-up in the background, once the client's answer has gone out. */
  processLater(email: string, name: string | null): void {
    this.track(new Promise((resolve) => setImmediate(resolve)).then(() => this.process(email, name)));
  }

  /**
   * The confirmation email is rendered for every sign-up, whether or not it is then sent: the
   * render is the costly part, and skipping it for a subscribed address would show, in how fast
   * the server answers the next request, that the address is subscribed.
   */
  async process(email: string, name: string | null): Promise<SignUpOutcome> {
    const { store, limits } = this.options;
    try {
      const issuedAt = this.now();
      const token = sealConfirmToken({ email, issuedAt }, this.options.secret, new Date(issuedAt.getTime() + this.options.confirmDays * DAY_MS));
      const link = new URL(this.options.confirmEndpoint);
      link.searchParams.set('token', token);
      const notice = await this.options.confirmTemplate.render({ newsletter: this.options.newsletter, email, confirm_url: link.toString(), days: this.options.confirmDays });
      const state = await store.signUpState(email);
      if (state === 'bounced' || state === 'complained') return this.report('confirm', 'suppressed');
      if (state === 'confirmed') return this.report('confirm', 'already-confirmed');
      if (!(await limits.takeAddress(email))) return this.report('confirm', 'address-limit');
      // The name is kept for the welcome and the issues, but the confirmation goes to an address
      // nobody has vouched for yet: it carries no text of the sign-up's choosing, not even in To.
      await store.savePending(email, name);
      await this.options.mailer.send({ email, name: null, fields: {} }, notice);
      return this.report('confirm', 'sent');
    } catch (error) {
      // A locked database or a refused message: the person already has their answer; the log has this.
      return this.report('confirm', 'failed', error);
    }
  }

  /** Opens a confirmation link and confirms the address it was sealed for; idempotent. */
  async confirm(token: string): Promise<ConfirmResult> {
    const opened = openConfirmToken(token, this.options.secret, this.now);
    if (!opened.ok) return { outcome: opened.reason };
    const { email, issuedAt } = opened.claim;
    const outcome = await this.options.store.confirm(email, issuedAt);
    if (outcome === 'confirmed' && this.options.welcomeTemplate) this.track(this.welcome(email, this.options.welcomeTemplate));
    return { outcome, email };
  }

  /** Forgets old attempts and sign-ups whose links have expired. */
  async prune(): Promise<{ attempts: number; pending: number }> {
    return {
      attempts: await this.options.limits.prune(),
      pending: await this.options.store.prunePending(new Date(this.now().getTime() - this.options.confirmDays * DAY_MS)),
    };
  }

  /** Resolves once every email started has been handed to the server (or failed). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async welcome(email: string, template: NoticeTemplate<'welcome'>): Promise<SignUpOutcome> {
    const endpoint = this.options.unsubscribeEndpoint;
    const unsubscribeUrl = endpoint ? unsubscribeLink(endpoint, signToken(email, this.options.secret)) : '';
    // Stored before names were checked, or imported: one that would be refused today is left out.
    try {
      const name = greetableName(await this.options.store.nameOf(email));
      const notice = await template.render({ newsletter: this.options.newsletter, name: name ?? '', email, unsubscribe_url: unsubscribeUrl });
      await this.options.mailer.send({ email, name, fields: {} }, notice, unsubscribeUrl || undefined);
      return this.report('welcome', 'sent');
    } catch (error) {
      return this.report('welcome', 'failed', error);
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private report(kind: 'confirm' | 'welcome', outcome: SignUpOutcome, error?: unknown): SignUpOutcome {
    this.options.onNotice?.({ kind, outcome, ...(error ? { error: (error as Error).message } : {}) });
    return outcome;
  }
}
