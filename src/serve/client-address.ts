import type { IncomingMessage } from 'node:http';

/**
 * The address a request comes from. Behind a reverse proxy every request comes from the proxy,
 * so with `trustProxy` it is the last address of X-Forwarded-For: the one the proxy itself
 * appended. Earlier entries are whatever the client claimed, and are never trusted.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socket;
  const forwarded = request.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
  return last || socket;
}
