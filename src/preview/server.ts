import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildDigest } from '../build.js';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import type { SummaryCache } from '../issue/digest.js';
import { PreviewBuilds, type BuildFunction, type BuildOutcome } from './builds.js';
import { EventStream } from './event-stream.js';
import { allowedHostNames, isLoopback } from './host-check.js';
import { startLiveReload } from './live-reload.js';
import { sendText } from './responses.js';
import { previewRoutes } from './routes.js';
import type { PreviewSource } from './workspace-paths.js';

export interface PreviewServerOptions extends PreviewSource {
  /** Default 127.0.0.1: the preview is for the person at this computer. */
  host?: string;
  /** Required to listen on anything but loopback: the preview then reaches other computers. */
  allowRemote?: boolean;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Week shown when the page does not ask for one; default the newest week with articles. */
  week?: string;
  drafts?: boolean;
  /** Default `buildDigest`. */
  build?: BuildFunction;
  summaryCache?: SummaryCache;
  /** Clock for the sample message's Date header and the build times shown. */
  now?: () => Date;
  debounceMs?: number;
  /** Called after every rebuild, with the files whose change caused it. */
  onRebuild?: (outcomes: BuildOutcome[], files: string[]) => void;
  onWatchError?: (error: Error) => void;
}

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  builds: PreviewBuilds;
  /** The build of the default week, done before the server starts listening. */
  first: BuildOutcome;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;

/** Builds the issue, serves the preview page and rebuilds on every change until closed. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { config, articles, templates, out, env } = options;
  const source: PreviewSource = { root: path.resolve(options.root), config, articles, templates, out, env };
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopback(host) && !options.allowRemote) {
    throw new GazetteError(
      [
        diagnostic(
          'preview/remote',
          `${host} would let other computers open the preview, with its workspace files and its send-test button`,
          { field: 'host' },
        ),
      ],
    );
  }
  const builds = new PreviewBuilds({
    ...source,
    week: options.week,
    drafts: options.drafts,
    build: options.build ?? buildDigest,
    summaryCache: options.summaryCache,
    now: options.now,
  });
  const first = (await builds.state()).outcome;
  const events = new EventStream();
  const live = await startLiveReload({ builds, events, debounceMs: options.debounceMs, onRebuild: options.onRebuild, onError: options.onWatchError });

  let port = 0;
  const routes = previewRoutes({ hostNames: allowedHostNames(host), port: () => port, token: randomBytes(24).toString('base64url'), builds, events, paths: live.paths });
  const server = createServer((request, response) => {
    routes(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `preview error: ${error instanceof Error ? error.message : String(error)}`);
      else response.end();
    });
  });
  try {
    await listen(server, options.port ?? DEFAULT_PORT, host);
  } catch (error) {
    events.close();
    await live.close();
    throw error;
  }
  ({ port } = server.address() as AddressInfo);

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    host,
    port,
    builds,
    first,
    async close() {
      events.close();
      await live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use`
          : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new GazetteError([diagnostic('preview/listen', reason)]));
    });
    server.listen(port, host, () => resolve());
  });
}
