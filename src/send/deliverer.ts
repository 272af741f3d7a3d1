import type { PreparedMessage } from './prepared-message.js';

/** Where messages go: an SMTP server, or a folder of .eml files for `--dry-run`. */
export interface Deliverer {
  /**
   * Hands one message over; resolves with the server's acceptance reply, rejects with its refusal.
   * `onTransmit` runs, synchronously, just before the first byte of the message leaves: until
   * then the message is only queued and cannot have reached anyone.
   */
  deliver(prepared: PreparedMessage, onTransmit: () => void): Promise<string>;
  /** Checks the connection and credentials before anything is planned or marked. */
  verify(): Promise<void>;
  close(): void;
}
