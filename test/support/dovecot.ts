import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port.js';

/** Where Debian's dovecot-imapd puts the server (scripts/setup-test-env.mjs installs it). */
export const DOVECOT_PATH = '/usr/sbin/dovecot';

/** A real Dovecot IMAP server on loopback, with one mail user, all of it in a temporary folder. */
export interface Dovecot {
  port: number;
  user: string;
  pass: string;
  /** `imap://user:pass@127.0.0.1:port`. */
  url: string;
  /** A client logged in as the user, for putting messages in and looking at what is left. */
  client(): Promise<ImapFlow>;
  stop(): Promise<void>;
}

function userName(): string {
  return execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
}

async function listening(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode} before listening; see ${log}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port} within 10 s; see ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts Dovecot 2.3 in the foreground with a generated config: IMAP only, plain-text login
 * without TLS (loopback), a passwd-file user whose maildir is under the temporary folder, and
 * every run, state and log file there too.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-dovecot-'));
  const port = await freePort();
  const user = 'bounces';
  const pass = 'p@ss%word1';
  // Dovecot's login processes refuse to run as root: as root (the test image), the Debian
  // package's own users serve logins and mail; as anyone else, that user does everything.
  const asRoot = process.getuid?.() === 0;
  const loginUser = asRoot ? 'dovenull' : userName();
  const internalUser = asRoot ? 'dovecot' : userName();
  const uid = Number(execFileSync('id', ['-u', internalUser], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', internalUser], { encoding: 'utf8' }).trim());
  await chmod(dir, 0o755);
  await mkdir(path.join(dir, 'mail'), { recursive: true });
  if (asRoot) await chown(path.join(dir, 'mail'), uid, gid);
  await mkdir(path.join(dir, 'run'), { recursive: true });
  await writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${pass}:${uid}:${gid}::${path.join(dir, 'mail', user)}\n`);
  const log = path.join(dir, 'dovecot.log');
  await writeFile(
    path.join(dir, 'dovecot.conf'),
    [
      'protocols = imap',
      'listen = 127.0.0.1',
      `base_dir = ${path.join(dir, 'run')}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `log_path = ${log}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `default_internal_user = ${internalUser}`,
      `default_login_user = ${loginUser}`,
      `mail_location = maildir:${path.join(dir, 'mail')}/%u`,
      `first_valid_uid = ${uid}`,
      `first_valid_gid = ${gid}`,
      `passdb {\n  driver = passwd-file\n  args = ${path.join(dir, 'users')}\n}`,
      `userdb {\n  driver = passwd-file\n  args = ${path.join(dir, 'users')}\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'service stats {\n  unix_listener stats-reader {\n    mode = 0600\n  }\n  unix_listener stats-writer {\n    mode = 0600\n  }\n}',
      '',
    ].join('\n'),
  );
  await mkdir(path.join(dir, 'state'), { recursive: true });
  const child = spawn(DOVECOT_PATH, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  await listening(port, child, log);
  return {
    port,
    user,
    pass,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    async client() {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass }, logger: false });
      await client.connect();
      return client;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
