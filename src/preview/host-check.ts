import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export function isLoopback(host: string): boolean {
  const name = bare(host);
  return LOOPBACK_NAMES.includes(name) || /^127(\.\d{1,3}){3}$/.test(name);
}

/** `0.0.0.0` and `::`: every address of this machine. */
export function isWildcard(host: string): boolean {
  const name = bare(host);
  return name === '0.0.0.0' || name === '::';
}

/** What the Host check needs to know about this machine when bound to every address. */
export interface Machine {
  hostname: string;
  addresses: string[];
}

export function thisMachine(): Machine {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry ? [entry.address] : []));
  return { hostname: hostname(), addresses };
}

/**
 * The names a request may call this server by, in Host and Origin headers. Bound to loopback:
 * the loopback names. Bound to one address or name: that one only. Bound to every address
 * (`0.0.0.0`, `::`): the loopback names, each address of this machine, its host name and that
 * name under `.local` (mDNS). Any other name is refused, so a web page that points its own
 * domain at this machine (DNS rebinding) cannot read the workspace through a visitor's browser.
 */
export function allowedHostNames(boundHost: string, machine: Machine = thisMachine()): ReadonlySet<string> {
  const bound = bare(boundHost);
  if (isLoopback(bound)) return new Set([...LOOPBACK_NAMES, bound]);
  if (!isWildcard(bound)) return new Set([bound]);
  const name = machine.hostname.toLowerCase();
  return new Set([...LOOPBACK_NAMES, ...machine.addresses.map(bare), name, `${name}.local`]);
}

/** Whether a request's Host header (`name` or `name:port`) names this server. */
export function acceptsHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!hostHeader) return false;
  return allowed.has(bare(hostHeader.replace(/:\d*$/, '')));
}

/**
 * Whether an Origin header is this server's own: plain http, an allowed name and the port it
 * listens on. Checked against what the server is, never against the request's own Host header.
 */
export function acceptsOrigin(origin: string | undefined, allowed: ReadonlySet<string>, port: number): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && (url.port || '80') === String(port) && allowed.has(bare(url.hostname));
}

/** A host name as compared: lower case, without IPv6 brackets or a trailing dot. */
function bare(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}
