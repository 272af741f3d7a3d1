import { addressKey } from '../subscribers/address.js';
import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import type { ListEntry } from '../subscribers/list-entry.js';
import type { Diagnostic, Recipient } from '../types.js';
import type { CampaignTerms, SendLedger } from './ledger.js';

/** A list row as planning sees it: a recipient, a skipped row, or a store subscriber who is suppressed. */
export type PlanEntry = ListEntry | { suppressed: true };

export interface PlanResult {
  /** Addresses left out because they unsubscribed or bounced. */
  suppressed: number;
  /** Rows skipped, with their line numbers. */
  problems: Diagnostic[];
}

const BATCH = 1000;

/**
 * The subscriber store as a list: confirmed subscribers, suppressed ones marked so they are
 * counted. A pending sign-up is nobody's recipient yet: it is left out without a mark.
 */
export async function* storeEntries(store: SubscriberStore): AsyncGenerator<PlanEntry> {
  for await (const subscriber of store.all()) {
    if (subscriber.suppressed) yield { suppressed: true };
    else if (subscriber.status === 'confirmed') yield { recipient: { email: subscriber.email, name: subscriber.name, fields: subscriber.fields }, line: 0 };
  }
}

/**
 * Streams a list into the ledger a batch at a time, leaving out suppressed addresses.
 * Planning again on resume adds only addresses that are new. If planning a fresh send fails
 * (a list that is not CSV), the half-made ledger is removed so the send can simply be rerun.
 */
export async function planSend(
  ledger: SendLedger,
  issue: string,
  entries: AsyncIterable<PlanEntry>,
  store: SubscriberStore,
  fresh: { source: string; terms: CampaignTerms | null } | null,
): Promise<PlanResult> {
  if (fresh) await ledger.begin(issue, fresh.source, fresh.terms);
  const result: PlanResult = { suppressed: 0, problems: [] };
  let batch: Recipient[] = [];
  // One question to the suppression list per batch, not per row: on a shared store each is a round trip.
  const flush = async () => {
    const suppressed = await store.suppressedOf(batch.map((recipient) => recipient.email));
    const kept = batch.filter((recipient) => !suppressed.has(addressKey(recipient.email)));
    result.suppressed += batch.length - kept.length;
    batch = [];
    await ledger.plan(issue, kept);
  };
  try {
    for await (const entry of entries) {
      if ('problem' in entry) result.problems.push(entry.problem);
      else if ('suppressed' in entry) result.suppressed++;
      else batch.push(entry.recipient);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (error) {
    if (fresh) await ledger.discardUnstarted(issue);
    throw error;
  }
  return result;
}
