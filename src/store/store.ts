import type { SignUpAttempts } from '../subscribe/sign-up-attempts.js';
import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import type { StoreLocation } from './store-location.js';

/**
 * The parts of the store every command shares, on either backend (store-location.ts): the
 * subscribers with their suppression list, and the sign-up attempts the form's limits count. The
 * send ledger (send/open-send-store.ts) and the bounce log (bounces/open-bounce-records.ts) are
 * opened by the commands that keep them.
 */
export interface Store {
  location: StoreLocation;
  subscribers: SubscriberStore;
  signUpAttempts: SignUpAttempts;
  close(): Promise<void>;
}
