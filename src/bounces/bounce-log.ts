import { addressKey } from '../subscribers/address.js';
import type { SuppressionReason } from '../subscribers/subscriber-store.js';
import type { BounceRecords, BounceWrites } from './bounce-records.js';
import type { BouncedRecipient, BounceReport } from './bounce-report.js';
import { decide, windowStart, type BounceRules, type RecordedKind } from './bounce-rules.js';

/** One address a report was recorded against, and what it did. */
export interface RecordedEvent {
  email: string;
  issue: string | null;
  kind: RecordedKind;
  status: string | null;
  diagnostic: string | null;
  /** The same report was read before (a mailbox read again): nothing new was done. */
  duplicate: boolean;
  /** Soft bounces of the address within the window, this one included; null for other kinds. */
  softInWindow: number | null;
  /** The suppression this event added, or null (already suppressed, or a soft bounce still under the limit). */
  suppressed: SuppressionReason | null;
}

/**
 * What reading one message came to:
 * - `recorded`: bounce or complaint events, each with its effect;
 * - `ignored`: an automatic reply (out of office), which says nothing about the address;
 * - `unrecognised`: not a report Gazette can read, or one that names no address it can act on;
 * - `unknown-delivery`: it came back to a VERP address no delivery in this store has, or (with no
 *   VERP id) it names no address and Message-ID of a copy this store sent: another workspace's,
 *   or forged, so nothing in it is trusted.
 */
export type RecordOutcome =
  | { status: 'recorded'; events: RecordedEvent[] }
  | { status: 'ignored' | 'unrecognised' }
  | { status: 'unknown-delivery'; verpId: string | null };

interface Target {
  email: string;
  issue: string | null;
  recipient: BouncedRecipient & { kind: RecordedKind };
}

const SEVERITY: Record<RecordedKind, number> = { complaint: 3, hard: 2, soft: 1 };

/**
 * Records bounce and complaint reports and applies the rules to each address: one transaction per
 * report, so a report is either recorded with its suppressions or not at all, and
 * `UNIQUE (report_id, email_key)` makes reading it again change nothing. The same rules on either
 * store (bounce-records.ts).
 */
export class BounceLog {
  constructor(
    private readonly records: BounceRecords,
    private readonly rules: BounceRules,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a parsed report; `reportId` is its Message-ID, or a hash of its bytes when it has none. */
  async record(report: BounceReport, reportId: string): Promise<RecordOutcome> {
    if (report.kind === 'auto-reply') return { status: 'ignored' };
    const actionable = report.recipients.filter((recipient): recipient is Target['recipient'] => recipient.kind !== 'unknown');
    let targets: Target[];
    if (report.verpId) {
      const delivery = await this.records.deliveryByBounceId(report.verpId);
      if (!delivery) return { status: 'unknown-delivery', verpId: report.verpId };
      // VERP names the one delivery; the report's own address may be an alias it was forwarded to.
      const worst = [...actionable].sort((a, b) => SEVERITY[b.kind] - SEVERITY[a.kind])[0];
      targets = worst ? [{ email: delivery.email, issue: delivery.issue, recipient: worst }] : [];
    } else {
      // Without VERP, a report counts only for a delivery it proves it saw: the address it names
      // AND the Message-ID of the copy sent to that address (a random id nobody else knows).
      // Otherwise anyone who can write to the bounce mailbox could suppress any address.
      const messageId = report.originalMessageId;
      targets = [];
      for (const recipient of messageId ? actionable : []) {
        const delivery = await this.records.deliveryByMessage(addressKey(recipient.address), messageId!);
        if (delivery) targets.push({ email: delivery.email, issue: delivery.issue, recipient });
      }
      if (actionable.length > 0 && targets.length === 0) return { status: 'unknown-delivery', verpId: null };
    }
    if (targets.length === 0) return { status: 'unrecognised' };
    const at = this.now();
    const events = await this.records.transaction(async (writes) => {
      const recorded: RecordedEvent[] = [];
      for (const target of targets) recorded.push(await this.recordOne(writes, target, reportId, at));
      return recorded;
    });
    return { status: 'recorded', events };
  }

  private async recordOne(writes: BounceWrites, { email, issue, recipient }: Target, reportId: string, at: Date): Promise<RecordedEvent> {
    const key = addressKey(email);
    const { kind, status, diagnostic } = recipient;
    const inserted = await writes.insertEvent({ reportId, key, email, issue, kind, status, diagnostic, at });
    const softInWindow = kind === 'soft' ? await writes.softBouncesSince(key, windowStart(at, this.rules)) : null;
    const event: RecordedEvent = { email, issue, kind, status, diagnostic, duplicate: !inserted, softInWindow, suppressed: null };
    if (!inserted) return event;
    const decision = decide(kind, softInWindow ?? 0, this.rules);
    if (decision.action === 'suppress') {
      const detail = [kind === 'soft' ? `${softInWindow} soft bounces in ${this.rules.softWindowDays} days` : null, status, diagnostic, issue ? `issue ${issue}` : null]
        .filter(Boolean)
        .join('; ');
      if (await writes.suppress(email, decision.reason, detail || null)) event.suppressed = decision.reason;
    }
    return event;
  }
}
