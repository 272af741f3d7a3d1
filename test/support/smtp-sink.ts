/**
 * A real SMTP server for tests and benchmarks, run in its own process (smtp-server on loopback).
 * It writes what it accepts to `<dir>/log.jsonl` (one line per message, before answering 250, so
 * the log never misses an accepted message) and, when asked, each message to `<dir>/<n>.eml`.
 * Fault rules make it refuse or drop chosen recipients' first attempts, deterministically.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export type FaultAction = '451' | '421' | 'drop' | '550';

export interface FaultRule {
  /** Regular expression the recipient address is tested against. */
  match: string;
  action: FaultAction;
  /** How many attempts per recipient the fault applies to; permanent (550) rules apply to all. */
  attempts?: number;
}

export interface SinkOptions {
  dir: string;
  port?: number;
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string } | null;
  faults?: FaultRule[];
  /** Milliseconds to hold each message before answering. */
  delayMs?: number;
  /** Keep every message as an .eml file (tests); off for benchmarks. */
  saveMessages?: boolean;
}

export interface AcceptedLine {
  n: number;
  from: string;
  to: string[];
  acceptedAt: number;
  file: string | null;
}

class SinkError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

export function runSink(options: SinkOptions): SMTPServer {
  const rules = (options.faults ?? []).map((rule) => ({ ...rule, pattern: new RegExp(rule.match, 'i') }));
  const attemptsByAddress = new Map<string, number>();
  const sockets = new Map<string, Socket>();
  const socketOf = (session: SMTPServerSession) => sockets.get(`${session.remoteAddress}:${session.remotePort}`);
  let accepted = 0;

  const faultFor = (address: string, stage: 'rcpt' | 'data') => {
    const attempt = attemptsByAddress.get(address) ?? 0;
    return rules.find((rule) => rule.pattern.test(address) && (rule.action === '550') === (stage === 'rcpt') && (rule.action === '550' || attempt <= (rule.attempts ?? 1)));
  };

  const server = new SMTPServer({
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
      return callback(new SinkError('Authentication credentials invalid', 535));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const key = address.address.toLowerCase();
      attemptsByAddress.set(key, (attemptsByAddress.get(key) ?? 0) + 1);
      if (faultFor(key, 'rcpt')) return callback(new SinkError('5.1.1 No such user here', 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const fault = to.map((address) => faultFor(address, 'data')).find(Boolean);
        const answer = () => {
          if (fault?.action === 'drop') return socketOf(session)?.destroy();
          if (fault?.action === '451') return callback(new SinkError('4.3.0 Try again later', 451));
          if (fault?.action === '421') {
            callback(new SinkError('4.3.2 Service shutting down, try again', 421));
            return setImmediate(() => socketOf(session)?.end());
          }
          accepted++;
          const file = options.saveMessages ? path.join(options.dir, `${accepted}.eml`) : null;
          if (file) writeFileSync(file, Buffer.concat(chunks));
          const line: AcceptedLine = { n: accepted, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, acceptedAt: Date.now(), file };
          appendFileSync(path.join(options.dir, 'log.jsonl'), `${JSON.stringify(line)}\n`);
          callback(null, `2.0.0 Ok: queued as ${accepted}`);
        };
        if (options.delayMs) setTimeout(answer, options.delayMs);
        else answer();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(key, socket);
    socket.on('close', () => sockets.delete(key));
  });
  server.on('error', () => undefined);
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = JSON.parse(process.argv[2] ?? '{}') as SinkOptions;
  const server = runSink(options);
  server.listen(options.port ?? 0, '127.0.0.1', () => {
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (process.send) process.send({ port });
    else process.stdout.write(`${port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  // The parent (a test, the benchmark) died without stopping it: no sink outlives its user.
  process.on('disconnect', () => process.exit(0));
}
