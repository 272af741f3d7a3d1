import type { Server } from 'node:http';
import type { RequestOutcome } from '../serve/responses.js';
import { createServeServer } from '../serve/server.js';
import { unsubscribeRoute, type UnsubscribeRouteOptions } from './route.js';

export interface UnsubscribeServerOptions extends UnsubscribeRouteOptions {
  /** Called once per request handled, for logging. */
  onRequest?: (event: RequestOutcome) => void;
}

/** A server answering only the unsubscribe endpoint (`gazette serve` adds the sign-up routes beside it). */
export function createUnsubscribeServer(options: UnsubscribeServerOptions): Server {
  return createServeServer({ routes: [unsubscribeRoute(options)], onRequest: options.onRequest });
}
