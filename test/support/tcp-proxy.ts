import { connect, createServer, type Socket } from 'node:net';

/** A loopback TCP relay to a server, which a test can cut off as a network partition would. */
export interface TcpProxy {
  port: number;
  /**
   * From now on nothing gets through, either way, and nothing is closed: connections open and
   * new ones are accepted, but every byte is swallowed, as when packets stop arriving.
   */
  partition(): void;
  stop(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let partitioned = false;
  const swallow = (socket: Socket) => {
    socket.unpipe();
    socket.removeAllListeners('data');
    socket.on('data', () => undefined);
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    if (partitioned) return swallow(client);
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => sockets.delete(upstream));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => (partitioned ? undefined : client.destroy()));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    partition() {
      partitioned = true;
      for (const socket of sockets) swallow(socket);
    },
    stop() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
