import type { GazetteConfig } from '../config.js';
import { unsubscribeEndpoint } from '../unsubscribe/endpoint.js';

/** The public URL of the sign-up form: `subscribe.url`, or `subscribe` beside the unsubscribe endpoint. Null when neither is known. */
export function subscribeEndpoint(config: GazetteConfig): URL | null {
  if (config.subscribe.url) return new URL(config.subscribe.url);
  const unsubscribe = unsubscribeEndpoint(config);
  return unsubscribe ? new URL('subscribe', unsubscribe) : null;
}

/** Where confirmation links point: `confirm` beside the sign-up form. */
export function confirmEndpoint(subscribe: URL): URL {
  return new URL('confirm', subscribe);
}
