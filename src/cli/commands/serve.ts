import type { AddressInfo } from 'node:net';
import { GazetteError } from '../../diagnostics/diagnostic.js';
import { clientAddress } from '../../serve/client-address.js';
import { createServeServer, listen, stopServer, type Route } from '../../serve/server.js';
import { openStore } from '../../store/open-store.js';
import { shownLocation } from '../../store/store-location.js';
import { prepareSignUps } from '../../subscribe/sign-up-setup.js';
import { unsubscribeEndpoint } from '../../unsubscribe/endpoint.js';
import { unsubscribeRoute } from '../../unsubscribe/route.js';
import { resolveWorkspace } from '../../workspace/resolve.js';
import { ExitCode } from '../exit-codes.js';
import { parsePort } from '../port.js';
import { shownPath } from '../terminal.js';

/** The endpoint's port when none is given. */
const DEFAULT_PORT = 8025;
/** How long stopping waits for open requests, then for emails being handed to the server: within a second in all. */
const STOP_GRACE_MS = 500;
const EMAIL_GRACE_MS = 300;
/** After closing the SMTP connections, how long to wait for the emails cut to report their failure. */
const CLOSE_GRACE_MS = 100;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

interface ServeFlags {
  port?: string;
  host?: string;
  smtp?: string;
  trustProxy?: boolean;
  config?: string;
  /** A SQLite file or a PostgreSQL URL, instead of GAZETTE_STORE and the config's `store`. */
  store?: string;
  json?: boolean;
}

export async function run(flags: ServeFlags): Promise<number> {
  const port = parsePort(flags.port, DEFAULT_PORT);
  const workspace = await resolveWorkspace({ config: flags.config, storeLocation: flags.store });
  if (!workspace.secret.ok) throw new GazetteError(workspace.secret.problems);
  const secret = workspace.secret.value;
  const publicUrl = unsubscribeEndpoint(workspace.config);
  // Every unsubscribe writes: a store this user may only read is refused at start, not at each request.
  const store = await openStore(workspace.store, { write: true });
  const log = (event: Record<string, unknown>, text: string) => process.stdout.write(flags.json ? `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n` : `${text}\n`);
  const logError = (error: unknown) => log({ event: 'error', message: (error as Error).message }, `error: ${(error as Error).message}`);

  const signUp = await prepareSignUps({
    workspace,
    store: store.subscribers,
    attempts: store.signUpAttempts,
    smtp: flags.smtp,
    clientAddress: (request) => clientAddress(request, Boolean(flags.trustProxy)),
    // Neither the address nor the client is logged: the log would become a list of who signs up.
    onNotice: (event) => log({ event: 'notice', ...event }, `${event.kind} email: ${event.outcome}${event.error ? ` (${event.error})` : ''}`),
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const routes: Route[] = [
    unsubscribeRoute({
      path: publicUrl?.pathname ?? '/unsubscribe',
      secret,
      newsletter: workspace.config.name,
      // The address is not logged: the log would become a list of who left.
      unsubscribe: (email, how) => store.subscribers.suppress(email, 'unsubscribed', how),
    }),
    ...(signUp?.routes ?? []),
  ];
  const server = createServeServer({
    routes,
    onRequest: (event) => log({ event: 'request', ...event }, `${event.method} ${event.path} ${event.status} ${event.outcome}`),
    onError: logError,
  });
  await listen(server, port, flags.host ?? '127.0.0.1').catch(async (error: unknown) => {
    signUp?.close();
    await store.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const local = `${origin}${publicUrl?.pathname ?? '/unsubscribe'}`;
  const storeShown = shownLocation(workspace.store, shownPath);
  log(
    {
      event: 'listening',
      url: local,
      public: publicUrl?.toString() ?? null,
      // Machines behind one load balancer must share one store: the log says which each uses.
      store: storeShown,
      subscribe: signUp ? { url: `${origin}${signUp.subscribeUrl.pathname}`, public: signUp.subscribeUrl.toString(), confirm: signUp.confirmUrl.toString(), templates: signUp.templates.map((file) => shownPath(file)) } : null,
    },
    `Unsubscribe endpoint on ${local}${publicUrl ? ` (links point to ${publicUrl.toString()})` : ''}\n` +
      `Store: ${storeShown}\n` +
      (signUp
        ? `Sign-up form on ${origin}${signUp.subscribeUrl.pathname} (public: ${signUp.subscribeUrl.toString()}; confirmation links: ${signUp.confirmUrl.toString()})`
        : 'Sign-up form off: no SMTP server to send confirmation emails through (smtp in the config, GAZETTE_SMTP_URL or --smtp)') +
      '\nCtrl-C to stop',
  );

  // A wrong SMTP host or password is told at start; the unsubscribe side works regardless, so serve stays up.
  // A check still waiting when serve stops is abandoned (stopping closes its connection), unreported.
  let stopping = false;
  void signUp?.checkServer().then((problem) => {
    if (problem && !stopping) log({ event: 'smtp', ok: false, error: problem }, `warning: confirmation emails cannot be sent: ${problem}`);
  });

  // A failed prune (the database briefly out of reach) is logged; the next hour tries again.
  const prune = () => {
    signUp?.signUps.prune().catch(logError);
  };
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS).unref();

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const started = Date.now();
  stopping = true;
  clearInterval(pruning);
  // Resolves once the requests it cut are logged, so `Stopped` stays the last line.
  await stopServer(server, STOP_GRACE_MS);
  if (signUp) {
    // An email being handed over gets a short grace; then every SMTP connection is closed, even
    // to a server that never answers (it would otherwise hold the process for its timeouts), and
    // the emails cut are logged as failed before `Stopped`.
    await Promise.race([signUp.signUps.idle(), delay(EMAIL_GRACE_MS)]);
    signUp.close();
    await Promise.race([signUp.signUps.idle(), delay(CLOSE_GRACE_MS)]);
  }
  await store.close();
  log({ event: 'stopped', signal, ms: Date.now() - started }, `Stopped (${signal})`);
  return ExitCode.ok;
}

/** Unref'd: a wait that must not keep the process alive by itself. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
