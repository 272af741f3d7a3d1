import type { SignUpAttempts } from '../subscribe/sign-up-attempts.js';
import type { SubscriberStore } from '../subscribers/subscriber-store.js';
import type { StoreLocation } from './store-location.js';

/**
 * The parts of the store that work on either backend (store-location.ts): the subscribers with
 * their suppression list, and the sign-up attempts the form's limits count. The send ledger and
 * the bounce log are kept in the SQLite file only, so far.
 */
export interface Store {
  location: StoreLocation;
  subscribers: SubscriberStore;
  signUpAttempts: SignUpAttempts;
  close(): Promise<void>;
}
