import type { Recipient } from '../types.js';
import type { SuppressionReason } from '../subscribers/subscriber-store.js';
import type { Deliverer } from './deliverer.js';
import { backoffDelay, classifyFailure, type DeliveryFailure } from './delivery-error.js';
import type { PlannedDelivery, SendLedger } from './ledger.js';
import type { Limiter } from './rate-limiter.js';
import type { SenderLease } from './send-store.js';
import type { MessagePreparer, PreparedMessage } from './prepared-message.js';

/**
 * Messages handed to the transport per connection: one being transmitted, the next queued behind
 * it so the connection never waits for the loop. A queued message is not marked sending until a
 * connection starts transmitting it, so the messages in doubt after a kill stay one per connection.
 */
const QUEUE_DEPTH = 2;

export type DeliveryOutcome = 'sent' | 'failed' | 'deferred' | 'skipped';

/** Why a campaign ended before its queue was empty. */
export type StopReason = 'interrupted' | 'server-unreachable' | 'server-refused';

/**
 * A stop the campaign reports but a send never returns as its outcome: the send itself fails,
 * because its lease was lost or the store failed (the error is in `storeError`).
 */
export type CampaignStop = StopReason | 'lease-lost' | 'store-failed';

export interface DeliveryEvent {
  email: string;
  outcome: DeliveryOutcome;
  reply: string | null;
}

export interface RetryPolicy {
  /** Tries per message, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each one after. */
  baseDelayMs: number;
}

export interface CampaignOptions {
  issue: string;
  ledger: SendLedger;
  /** Each row is claimed only while this lease is held; null for a dry run's throwaway ledger. */
  lease: SenderLease | null;
  deliverer: Deliverer;
  /** Builds each recipient's message; it may throw for a recipient the templates cannot fill. */
  prepare: MessagePreparer;
  newMessageId: () => string;
  /** Why an address must not be mailed, checked just before sending (it may have unsubscribed since planning). */
  suppression: (email: string) => Promise<SuppressionReason | null>;
  /** A server refused the recipient itself with a 5xx: the address bounces. */
  onBounce: (recipient: Recipient, reply: string) => Promise<unknown>;
  limiter: Limiter;
  /** Messages transmitted at once (SMTP connections): also the most a hard kill can leave in doubt. */
  concurrency: number;
  retry: RetryPolicy;
  /** Waits, returning early when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onDelivery?: (event: DeliveryEvent) => void;
}

export interface CampaignResult {
  counts: Record<DeliveryOutcome, number>;
  failures: { email: string; reply: string }[];
  stopped: CampaignStop | null;
  /** The reply that stopped the campaign, when a server problem did. */
  stopReply: string | null;
  /** What the store answered when recording failed (a database that went away): the send fails with it. */
  storeError: unknown;
}

/**
 * Sends every pending row of an issue's ledger. Each row moves pending → sending → sent |
 * failed, and each move is committed before the next network step (listmonk's model), so
 * stopping at any moment loses nothing: what is pending was never tried, what is sent was
 * accepted, and only rows left `sending` by a hard kill are in doubt.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const result: CampaignResult = { counts: { sent: 0, failed: 0, deferred: 0, skipped: 0 }, failures: [], stopped: null, stopReply: null, storeError: null };
  const stop = (reason: CampaignStop, reply: string | null) => {
    result.stopped ??= reason;
    result.stopReply ??= reply;
  };
  // A failed write to the ledger stops the campaign; the messages already handed over finish
  // (their rows stay in doubt if their outcome cannot be recorded) before the send fails with it.
  const storeFailed = (error: unknown) => {
    if (result.storeError === null) result.storeError = error;
    stop('store-failed', null);
  };
  const onAbort = () => stop('interrupted', null);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  const inFlight = new Set<Promise<void>>();
  const settle = settler(options, result);
  try {
    try {
      for await (const planned of options.ledger.pending(options.issue)) {
        if (options.lease?.lost) stop('lease-lost', null);
        if (result.stopped) break;
        // The next message is built while the slots are still busy, so a freed connection
        // gets it at once; it is marked sending only when it is actually handed over.
        const prepared = await prepare(planned, options, settle);
        if (!prepared) continue;
        while (inFlight.size >= options.concurrency * QUEUE_DEPTH) await Promise.race(inFlight);
        if (result.stopped) break;
        const task = deliverOne(planned, prepared, options, result, stop, settle, storeFailed)
          .catch(storeFailed)
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
    } catch (error) {
      storeFailed(error);
    }
    await Promise.all(inFlight);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return result;
}

type Settle = (recipient: Recipient, outcome: DeliveryOutcome, reply: string | null) => void;

function settler(options: CampaignOptions, result: CampaignResult): Settle {
  return (recipient, outcome, reply) => {
    result.counts[outcome]++;
    if (outcome === 'failed') result.failures.push({ email: recipient.email, reply: reply ?? '' });
    options.onDelivery?.({ email: recipient.email, outcome, reply });
  };
}

/** The recipient's message, built; null when there is nothing to send (suppressed, or a template error). */
async function prepare(planned: PlannedDelivery, options: CampaignOptions, settle: Settle): Promise<PreparedMessage | null> {
  const { issue, ledger } = options;
  const { recipient, position } = planned;
  if (await options.suppression(recipient.email)) {
    await ledger.drop(issue, position);
    settle(recipient, 'skipped', null);
    return null;
  }
  try {
    return await options.prepare(recipient, planned.messageId ?? options.newMessageId());
  } catch (error) {
    // A template asking for a field this recipient lacks: no retry can fix it.
    const reply = `not sent: ${(error as Error).message}`;
    await ledger.markFailed(issue, position, reply);
    settle(recipient, 'failed', reply);
    return null;
  }
}

async function deliverOne(
  planned: PlannedDelivery,
  prepared: PreparedMessage,
  options: CampaignOptions,
  result: CampaignResult,
  stop: (reason: CampaignStop, reply: string | null) => void,
  settleAs: Settle,
  storeFailed: (error: unknown) => void,
): Promise<void> {
  const { issue, ledger } = options;
  const { recipient, position } = planned;
  const settle = (outcome: DeliveryOutcome, reply: string | null) => settleAs(recipient, outcome, reply);
  const messageId = prepared.messageId;
  const holder = options.lease?.holder ?? null;
  let refused = false;
  // Marked as the first byte leaves, never earlier: a kill while it waits for a slot or a
  // connection leaves it pending, not in doubt. A claim the ledger refuses (the lease went to
  // another run, which owns the row now) aborts the hand-over before a byte of the message leaves.
  const claim = async () => {
    let claimed: boolean;
    try {
      claimed = await ledger.markSending(issue, position, messageId, holder);
    } catch (error) {
      refused = true;
      storeFailed(error);
      throw error;
    }
    if (claimed || !options.lease) return;
    refused = true;
    stop('lease-lost', null);
    throw new Error('the send lease was taken over by another run');
  };

  for (let attempt = 1; ; attempt++) {
    const release = await options.limiter.acquire();
    if (options.lease?.lost) stop('lease-lost', null);
    // Stopped while waiting for a slot or a retry: not handed over, so it stays pending. After a
    // lost lease the row is the other run's to record.
    if (result.stopped) {
      release();
      if (attempt > 1 && result.stopped !== 'lease-lost') await ledger.markDeferred(issue, position, null);
      return settle('deferred', null);
    }
    let failure: DeliveryFailure;
    try {
      const reply = await options.deliverer.deliver(prepared, claim);
      release();
      await ledger.markSent(issue, position, reply);
      return settle('sent', reply);
    } catch (error) {
      release();
      if (refused) return settle('deferred', null);
      failure = classifyFailure(error);
    }
    if (failure.kind === 'permanent') {
      await ledger.markFailed(issue, position, failure.reply);
      if (failure.recipientRefused) await options.onBounce(recipient, failure.reply);
      return settle('failed', failure.reply);
    }
    if (failure.kind === 'fatal') stop('server-refused', failure.reply);
    const outOfTries = attempt >= options.retry.attempts;
    if (failure.kind === 'transient' && outOfTries && failure.connectionLost) stop('server-unreachable', failure.reply);
    // A 4xx is a definite "not accepted": back to pending while waiting. A dropped connection
    // may have lost the server's 250, so the row stays in doubt until the retry settles it.
    const givenUp = failure.kind === 'fatal' || outOfTries || result.stopped !== null;
    if (givenUp) {
      await ledger.markDeferred(issue, position, failure.reply);
      return settle('deferred', failure.reply);
    }
    if (failure.connectionLost) await ledger.noteReply(issue, position, failure.reply);
    else await ledger.markRetrying(issue, position, failure.reply);
    await options.sleep(backoffDelay(attempt, options.retry.baseDelayMs), options.signal);
  }
}
