import type { OutboundMessage } from '../types.js';

/** Where messages go: an SMTP server, or a folder of .eml files for `--dry-run`. */
export interface Deliverer {
  /** Hands one message over; resolves with the server's acceptance reply, rejects with its refusal. */
  deliver(message: OutboundMessage): Promise<string>;
  /** Checks the connection and credentials before anything is planned or marked. */
  verify(): Promise<void>;
  close(): void;
}
