import { createHmac, hkdfSync } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { addressKey } from '../subscribers/address.js';
import type { AttemptKind, SignUpAttempts } from './sign-up-attempts.js';

export interface SignUpLimitSettings {
  /** Confirmation emails one address may be sent in 24 hours. */
  perAddress: number;
  /** Sign-ups one client may make in an hour. */
  perIp: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The limits against subscription bombing (someone signing up a victim's address again and again,
 * or one client signing up thousands), counted in the store (sign-up-attempts.ts) so that every
 * `gazette serve` process sharing it shares the counts. Client addresses are stored only as keyed
 * hashes: the table says how often, never who.
 */
export class SignUpLimits {
  private readonly ipKey: Buffer;

  constructor(
    private readonly attempts: SignUpAttempts,
    private readonly settings: SignUpLimitSettings,
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ipKey = Buffer.from(hkdfSync('sha256', secret, 'gazette/sign-up-limits/v1', 'client address', 32));
  }

  /** Counts a sign-up from this client; false (and nothing counted) when it is over its hourly limit. */
  takeIp(clientAddress: string): Promise<boolean> {
    return this.take('ip', this.clientKey(clientAddress), HOUR_MS, this.settings.perIp);
  }

  /** Counts a confirmation email to this address; false (and nothing counted) when it had its share today. */
  takeAddress(email: string): Promise<boolean> {
    return this.take('address', addressKey(email), DAY_MS, this.settings.perAddress);
  }

  /** Forgets attempts older than any limit looks back. */
  prune(): Promise<number> {
    return this.attempts.prune(new Date(this.now().getTime() - DAY_MS));
  }

  private take(kind: AttemptKind, key: string, windowMs: number, limit: number): Promise<boolean> {
    const now = this.now();
    return this.attempts.take(kind, key, new Date(now.getTime() - windowMs), now, limit);
  }

  /** A keyed hash of the client; an IPv6 client is counted by its /64, which one host can hold whole. */
  private clientKey(clientAddress: string): string {
    return createHmac('sha256', this.ipKey).update(clientNetwork(clientAddress)).digest('base64url').slice(0, 22);
  }
}

/** `2001:db8:1:2:3:4:5:6` → `2001:db8:1:2::/64`; an IPv4 address (mapped or not) stays whole. */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
