import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { newMessageId } from '../message/compose.js';
import { bounceId } from '../message/return-path.js';
import { storeProblem } from '../store/state-db.js';
import { CsvList } from '../subscribers/csv-list.js';
import { runCampaign, type DeliveryEvent } from './campaign.js';
import { sleep } from './clock.js';
import type { Deliverer } from './deliverer.js';
import type { SendLedger } from './ledger.js';
import { planSend, storeEntries, type PlanResult } from './planner.js';
import { openDeliverer, prepareSend, type SendTarget } from './send-setup.js';
import { campaignFingerprint } from './campaign-fingerprint.js';
import { openSendStore } from './open-send-store.js';
import type { SendStore, SenderLease } from './send-store.js';
import { redactSecret, relayOf } from './smtp-url.js';
import type { SendSummary } from './summary.js';

export type { SendTarget } from './send-setup.js';
export { sendTestCopy, type TestCopyResult } from './test-copy.js';

export interface SendOptions extends SendTarget {
  /** A CSV list to send to. */
  list?: string;
  /** Send to the subscriber store instead. With resume and neither, the ledger's recipients are used as planned. */
  store?: boolean;
  rate?: number | null;
  /** Continue the issue's existing send. */
  resume?: boolean;
  /** With resume: send again the messages a killed run left in doubt. */
  resendInFlight?: boolean;
  signal?: AbortSignal;
  /** Called once the list is planned, before the first message. */
  /** Called once the list is planned, before the first message; `joined` when other senders already work on the issue. */
  onPlanned?: (plan: { issue: string; queued: number; alreadySent: number; inDoubt: number; joined: boolean }) => void;
  onDelivery?: (event: DeliveryEvent) => void;
}

/**
 * Sends the built issue to a list: checks everything (issue, list, server, credentials) before
 * recording anything, plans the list into the ledger, then runs the campaign over it.
 */
export async function sendIssue(options: SendOptions): Promise<SendSummary> {
  const setup = await prepareSend(options);
  const { workspace, issue } = setup;
  const { config } = workspace;
  const listFile = options.list ? path.resolve(workspace.root, options.list) : null;
  const list = listFile ? await CsvList.open(listFile, { requiredColumns: config.subscriber_fields }) : null;
  const secret = workspace.secret.ok ? workspace.secret.value : null;
  let store: SendStore | null = null;
  let deliverer: Deliverer | null = null;
  try {
    // A real send writes the ledger: a store it may only read is refused before anything is sent.
    // On SQLite a second run while this one lives is refused here; on PostgreSQL it joins.
    store = await openSendStore(workspace.store, {
      issue: issue.slug,
      dryRun: Boolean(options.dryRun),
      now: setup.now,
      bounceIdOf: secret ? (slug, email) => bounceId(secret, slug, email) : null,
    });
    const { ledger, lease } = store;
    let existing = await ledger.campaign(issue.slug);
    // A finished send with no recipients at all (earlier versions recorded one for a header-only
    // list) blocks nothing. An unfinished one may be another run still planning: it stays.
    if (existing?.finishedAt && (await ledger.forgetEmpty(issue.slug))) existing = null;
    // On a shared store, an unfinished send is joined: this run takes a part of what is left.
    const joining = store.shared && existing !== null && existing.finishedAt === null;
    // Said to the operator only when other senders are at work, not for a lone --resume.
    const joined = joining && !options.resume;
    const relay = setup.server ? relayOf(setup.server) : setup.destination;
    const askedRate = options.dryRun ? null : (options.rate ?? config.send.rate);
    const fingerprint = campaignFingerprint(issue.email, config.from, secret ?? '');
    if (existing?.fingerprint && existing.fingerprint !== fingerprint) {
      throw new GazetteError([
        diagnostic(
          'send/other-build',
          `issue ${issue.slug} is being sent from another build: its content, From or unsubscribe secret differ from this workspace's; nothing was sent`,
          { field: 'store' },
        ),
      ]);
    }
    if (existing && !options.resume && !joining) {
      const counts = await ledger.counts(issue.slug);
      throw new GazetteError([
        diagnostic(
          'send/already-started',
          `issue ${issue.slug} was already sent (started ${existing.startedAt} from ${describeSource(existing.source)}: ${counts.sent} sent, ${counts.failed} failed, ${counts.pending} pending, ${counts.sending} in doubt)`,
          { file: store.file ?? undefined },
        ),
      ]);
    }
    if (!existing && !list && !options.store) {
      throw new GazetteError([diagnostic('send/no-list', `there is no send of ${issue.slug} to resume`)]);
    }
    const source = existing?.source ?? listFile ?? 'store';
    deliverer = await openDeliverer(setup, options);

    const entries = list ? list.entries() : options.store ? storeEntries(store.subscribers) : null;
    const fresh = existing ? null : { source, terms: { fingerprint, relay, rate: askedRate } };
    const planned: PlanResult = entries ? await planSend(ledger, issue.slug, entries, store.subscribers, fresh) : { suppressed: 0, problems: [] };
    await store.planned();
    if (!existing) await refuseEmptySend(ledger, issue.slug, source, planned);
    const inDoubt = await ledger.inFlight(issue.slug);
    if (options.resendInFlight) await ledger.requeueInFlight(issue.slug);
    const before = await ledger.counts(issue.slug);
    options.onPlanned?.({ issue: issue.slug, queued: before.pending, alreadySent: before.sent, inDoubt: options.resendInFlight ? 0 : inDoubt.length, joined });

    const subscribers = store.subscribers;
    const { limiter, rate } = await store.limiter(relay, askedRate);
    const started = performance.now();
    const result = await runCampaign({
      issue: issue.slug,
      ledger,
      lease,
      deliverer,
      prepare: setup.prepare,
      newMessageId: () => newMessageId(config.from, issue.slug),
      suppression: (email) => subscribers.suppression(email),
      onBounce: (recipient, reply) => subscribers.suppress(recipient.email, 'bounced', reply),
      limiter,
      concurrency: options.concurrency ?? config.send.concurrency,
      retry: { attempts: config.send.attempts, baseDelayMs: config.send.retry_delay_ms },
      sleep,
      signal: options.signal,
      onDelivery: options.onDelivery,
    });
    if (result.stopped === 'lease-lost') throw leaseLost(issue.slug, lease, result.counts.sent, store);
    if (result.stopped === 'store-failed') throw result.storeError;
    const seconds = (performance.now() - started) / 1000;
    const after = await ledger.counts(issue.slug);
    // On a shared store another sender may have died during this run, leaving messages in doubt:
    // reported now, by whoever finishes, not only by the next run.
    const leftInDoubt = store.shared ? await ledger.inFlight(issue.slug) : options.resendInFlight ? [] : inDoubt;
    if (after.pending === 0 && after.sending === 0) await ledger.finish(issue.slug);
    return {
      issue: issue.slug,
      subject: issue.email.subject,
      destination: setup.destination,
      dryRun: Boolean(options.dryRun),
      source,
      resumed: existing !== null,
      joined,
      rate,
      queued: before.pending,
      sent: result.counts.sent,
      failed: result.counts.failed,
      deferred: result.counts.deferred,
      suppressed: planned.suppressed + result.counts.skipped,
      alreadySent: before.sent,
      inDoubt: leftInDoubt.map((entry) => ({ email: entry.email, messageId: entry.messageId, since: entry.updatedAt })),
      failures: result.failures.map((failure) => ({ ...failure, reply: redactSecret(failure.reply, setup.server) })),
      listProblems: planned.problems,
      stopped: result.stopped,
      stopReply: result.stopReply === null ? null : redactSecret(result.stopReply, setup.server),
      seconds: Math.round(seconds * 1000) / 1000,
      perSecond: seconds > 0 ? Math.round((result.counts.sent / seconds) * 10) / 10 : 0,
      ledger: after,
    };
  } catch (error) {
    throw store?.file ? storeProblem(error, store.file) : error;
  } finally {
    deliverer?.close();
    await store?.close();
    await list?.close();
  }
}

/**
 * This run was frozen (or cut off from the store) past the lease timeout: it stopped before its
 * next message, and says who has the send now.
 */
function leaseLost(issue: string, lease: SenderLease | null, sent: number, store: SendStore): GazetteError {
  return new GazetteError([
    diagnostic(
      'send/lease-lost',
      `the send of ${issue} ${lease?.lossDescription() ?? 'was taken over by another run'}; this run stopped before its next message (${sent} sent by it) and leaves the rest to ${store.shared ? 'the senders still at work, or the next run' : 'that run'}`,
      { file: store.file ?? undefined },
    ),
  ]);
}

/**
 * A fresh send that planned nobody (a list with only its header, every row skipped or
 * unsubscribed) is forgotten rather than recorded: a send recorded as done would refuse the
 * real one later with "already sent". The skipped rows are reported with the reason.
 */
async function refuseEmptySend(ledger: SendLedger, issue: string, source: string, planned: PlanResult): Promise<void> {
  if (!(await ledger.forgetEmpty(issue))) return;
  const left = [
    planned.problems.length > 0 ? `${planned.problems.length} row${planned.problems.length === 1 ? '' : 's'} skipped` : null,
    planned.suppressed > 0 ? `${planned.suppressed} unsubscribed or bounced` : null,
  ].filter(Boolean);
  throw new GazetteError([
    ...planned.problems,
    diagnostic('send/no-recipients', `0 recipients in ${describeSource(source)}${left.length > 0 ? ` (${left.join(', ')})` : ''}: nothing was sent and nothing recorded, so ${issue} can still be sent to another list`, {
      file: source === 'store' ? undefined : source,
    }),
  ]);
}

/** A send's source named in a message: its file goes in the diagnostic's `file`. */
function describeSource(source: string): string {
  return source === 'store' ? 'the subscriber store' : `the list ${path.basename(source)}`;
}
