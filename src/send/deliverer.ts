import type { PreparedMessage } from './prepared-message.js';

/** Where messages go: an SMTP server, or a folder of .eml files for `--dry-run`. */
export interface Deliverer {
  /**
   * Hands one message over; resolves with the server's acceptance reply, rejects with its refusal.
   * `onTransmit` is called when a connection takes the message, and the message's bytes wait
   * until it has resolved: until then the message is only queued and cannot have reached
   * anyone. If it rejects, nothing of the message is sent and the delivery rejects with it.
   */
  deliver(prepared: PreparedMessage, onTransmit: () => Promise<void>): Promise<string>;
  /** Checks the connection and credentials before anything is planned or marked. */
  verify(): Promise<void>;
  close(): void;
}
