import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { StateDb } from '../store/state-db.js';
import { isProcessRunning } from '../system/running-process.js';
import type { SenderLease } from './send-store.js';

/** Who holds an issue's send. */
export interface LeaseHolder {
  host: string;
  pid: number;
  startedAt: string;
  heartbeatAt: string;
}

export interface LeaseClock {
  now: () => Date;
  /** Whether a process of this host is still running. */
  isRunning: (pid: number) => boolean;
}

/** How long a silent holder is still trusted; a holder says it is alive six times in that span. */
export const LEASE_TIMEOUT_MS = 30_000;

/**
 * The lease timeout in force: GAZETTE_LEASE_TIMEOUT_MS exists for tests only, which stop a
 * sender past the timeout without waiting 30 seconds. Not a setting: a shorter timeout lets a
 * run that is merely slow (a long GC pause, a swapped-out machine) lose its send.
 */
export function leaseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.GAZETTE_LEASE_TIMEOUT_MS);
  return Number.isInteger(asked) && asked > 0 ? asked : LEASE_TIMEOUT_MS;
}

/**
 * Whether a recorded holder still holds the lease. On this host a process that no longer runs
 * holds nothing, whatever its last heartbeat; elsewhere only a recent heartbeat counts.
 */
export function isAlive(holder: LeaseHolder, here: string, clock: LeaseClock, timeoutMs = LEASE_TIMEOUT_MS): boolean {
  if (holder.host === here && !clock.isRunning(holder.pid)) return false;
  return clock.now().getTime() - Date.parse(holder.heartbeatAt) < timeoutMs;
}

export const systemLeaseClock: LeaseClock = { now: () => new Date(), isRunning: isProcessRunning };

function readHolder(db: StateDb, issue: string): (LeaseHolder & { holder: string }) | null {
  const row = db.prepare('SELECT holder, host, pid, started_at, heartbeat_at FROM send_leases WHERE issue = ?').get(issue) as
    | { holder: string; host: string; pid: number; started_at: string; heartbeat_at: string }
    | undefined;
  return row ? { holder: row.holder, host: row.host, pid: row.pid, startedAt: row.started_at, heartbeatAt: row.heartbeat_at } : null;
}

/**
 * The lease one `gazette send` holds on an issue in one state database, so two runs (a cron
 * firing twice, an operator resuming a send that is still alive) can never both send. Taken in
 * one immediate transaction; kept with a heartbeat; released when the send ends. A holder that
 * died (kill -9, a crashed machine) is recognised and its lease taken over.
 *
 * A holder that was only frozen past the timeout (SIGSTOP, a suspended VM) wakes up without its
 * lease: it must not send another message. The ledger claims each row only while the lease row
 * still names `holder` (see SendLedger.markSending), which closes that race in the database
 * itself; the heartbeat notices the loss on waking, so the run stops before even trying.
 */
export class SendLease implements SenderLease {
  private heartbeat: NodeJS.Timeout | null = null;
  private lostTo: LeaseHolder | 'gone' | null = null;

  private constructor(
    private readonly db: StateDb,
    private readonly issue: string,
    /** This run's id in the lease row: the ledger's claims are conditioned on it. */
    readonly holder: string,
    private readonly clock: LeaseClock,
  ) {}

  /** Takes the issue's lease, or throws `send/locked` naming the live holder. */
  static acquire(db: StateDb, issue: string, storeFile: string, clock: LeaseClock = systemLeaseClock, timeoutMs = leaseTimeoutMs()): SendLease {
    const here = hostname();
    const holder = randomUUID();
    db.transaction(() => {
      const current = readHolder(db, issue);
      if (current && isAlive(current, here, clock, timeoutMs)) {
        throw new GazetteError([
          diagnostic(
            'send/locked',
            `issue ${issue} is being sent by another run (host ${current.host}, pid ${current.pid}, started ${current.startedAt}, last heartbeat ${current.heartbeatAt}); nothing was sent`,
            { file: storeFile },
          ),
        ]);
      }
      const now = clock.now().toISOString();
      db.prepare('INSERT OR REPLACE INTO send_leases (issue, holder, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)').run(issue, holder, here, process.pid, now, now);
    }).immediate();
    const lease = new SendLease(db, issue, holder, clock);
    lease.heartbeat = setInterval(() => lease.beat(), Math.max(1, Math.floor(timeoutMs / 6)));
    // The heartbeat never keeps a finished process alive.
    lease.heartbeat.unref();
    return lease;
  }

  private beat(): void {
    let changed: number;
    try {
      changed = this.db.prepare('UPDATE send_leases SET heartbeat_at = ? WHERE issue = ? AND holder = ?').run(this.clock.now().toISOString(), this.issue, this.holder).changes;
    } catch {
      // A busy database past its timeout: the next beat tries again, well within the lease's timeout.
      return;
    }
    if (changed === 0) this.noteLost();
  }

  private noteLost(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const now = readHolder(this.db, this.issue);
    this.lostTo = now && now.holder !== this.holder ? now : 'gone';
  }

  /** Whether another run has taken the lease over: cheap, read before each message. */
  get lost(): boolean {
    return this.lostTo !== null;
  }

  /**
   * Who holds the send now that the ledger refused a claim (the lease is no longer ours): a run
   * (host, pid, start), or one that has already finished.
   */
  lossDescription(): string {
    if (!this.lostTo) this.noteLost();
    const other = this.lostTo ?? 'gone';
    const who = other === 'gone' ? 'another run, which has since finished' : `another run (host ${other.host}, pid ${other.pid}, started ${other.startedAt})`;
    return `was taken over by ${who} while this run was stopped past the lease timeout`;
  }

  release(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.db.prepare('DELETE FROM send_leases WHERE issue = ? AND holder = ?').run(this.issue, this.holder);
  }
}
