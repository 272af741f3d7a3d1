import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { StateDb } from '../store/state-db.js';

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

/** How often a holder says it is alive, and how long a silent holder is still trusted. */
export const HEARTBEAT_MS = 5_000;
export const LEASE_TIMEOUT_MS = 30_000;

/**
 * Whether a recorded holder still holds the lease. On this host a process that no longer runs
 * holds nothing, whatever its last heartbeat; elsewhere only a recent heartbeat counts.
 */
export function isAlive(holder: LeaseHolder, here: string, clock: LeaseClock): boolean {
  if (holder.host === here && !clock.isRunning(holder.pid)) return false;
  return clock.now().getTime() - Date.parse(holder.heartbeatAt) < LEASE_TIMEOUT_MS;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const systemLeaseClock: LeaseClock = { now: () => new Date(), isRunning: processIsRunning };

/**
 * The lease one `gazette send` holds on an issue in one state database, so two runs (a cron
 * firing twice, an operator resuming a send that is still alive) can never both send. Taken in
 * one immediate transaction; kept with a heartbeat; released when the send ends. A holder that
 * died (kill -9, a crashed machine) is recognised and its lease taken over.
 */
export class SendLease {
  private heartbeat: NodeJS.Timeout | null = null;

  private constructor(
    private readonly db: StateDb,
    private readonly issue: string,
    private readonly holder: string,
    private readonly clock: LeaseClock,
  ) {}

  /** Takes the issue's lease, or throws `send/locked` naming the live holder. */
  static acquire(db: StateDb, issue: string, storeFile: string, clock: LeaseClock = systemLeaseClock): SendLease {
    const here = hostname();
    const holder = randomUUID();
    db.transaction(() => {
      const row = db.prepare('SELECT host, pid, started_at, heartbeat_at FROM send_leases WHERE issue = ?').get(issue) as
        | { host: string; pid: number; started_at: string; heartbeat_at: string }
        | undefined;
      const current = row && { host: row.host, pid: row.pid, startedAt: row.started_at, heartbeatAt: row.heartbeat_at };
      if (current && isAlive(current, here, clock)) {
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
    lease.heartbeat = setInterval(() => lease.beat(), HEARTBEAT_MS);
    // The heartbeat never keeps a finished process alive.
    lease.heartbeat.unref();
    return lease;
  }

  private beat(): void {
    try {
      this.db.prepare('UPDATE send_leases SET heartbeat_at = ? WHERE issue = ? AND holder = ?').run(this.clock.now().toISOString(), this.issue, this.holder);
    } catch {
      // A busy database past its timeout: the next beat tries again, well within the lease's timeout.
    }
  }

  release(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.db.prepare('DELETE FROM send_leases WHERE issue = ? AND holder = ?').run(this.issue, this.holder);
  }
}
