const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether a request's Host header names this server. A preview bound to the loopback
 * address answers only to loopback names, so a web page that rebinds its own domain to
 * 127.0.0.1 cannot read the workspace through the reader's browser.
 */
export function acceptsHost(hostHeader: string | undefined, boundHost: string): boolean {
  if (!isLoopback(boundHost)) return true;
  if (!hostHeader) return false;
  const name = hostHeader.replace(/:\d+$/, '');
  return isLoopback(name) || name.toLowerCase() === boundHost.toLowerCase();
}
