import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { GazetteError } from '../../diagnostics/diagnostic.js';
import { openStateDb } from '../../store/state-db.js';
import { SubscriberStore } from '../../subscribers/subscriber-store.js';
import { unsubscribeEndpoint } from '../../unsubscribe/endpoint.js';
import { createUnsubscribeServer } from '../../unsubscribe/server.js';
import { resolveWorkspace } from '../../workspace/resolve.js';
import { ExitCode } from '../exit-codes.js';
import { parsePort } from '../port.js';

/** The unsubscribe endpoint's port when none is given. */
const DEFAULT_PORT = 8025;

interface ServeFlags {
  port?: string;
  host?: string;
  config?: string;
  json?: boolean;
}

export async function run(flags: ServeFlags): Promise<number> {
  const port = parsePort(flags.port, DEFAULT_PORT);
  const workspace = await resolveWorkspace({ config: flags.config });
  if (!workspace.secret.ok) throw new GazetteError(workspace.secret.problems);
  const secret = workspace.secret.value;
  const publicUrl = unsubscribeEndpoint(workspace.config);
  const db = openStateDb(workspace.storeFile);
  const store = new SubscriberStore(db);
  const log = (event: Record<string, unknown>, text: string) => process.stdout.write(flags.json ? `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n` : `${text}\n`);

  const server = createUnsubscribeServer({
    path: publicUrl?.pathname ?? '/unsubscribe',
    secret,
    newsletter: workspace.config.name,
    // The address is not logged: the log would become a list of who left.
    unsubscribe: (email, how) => store.suppress(email, 'unsubscribed', how),
    onRequest: (event) => log({ event: 'request', ...event }, `${event.method} ${event.status} ${event.outcome}`),
  });
  server.listen(port, flags.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const local = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}${publicUrl?.pathname ?? '/unsubscribe'}`;
  log({ event: 'listening', url: local, public: publicUrl?.toString() ?? null }, `Unsubscribe endpoint on ${local}${publicUrl ? ` (links point to ${publicUrl.toString()})` : ''}; Ctrl-C to stop`);

  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  db.close();
  return ExitCode.ok;
}
