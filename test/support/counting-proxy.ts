// A unix-socket proxy in front of an engine that counts the connections dtui holds open
// to it. dtui's local engines use no keep-alive (docker-engine.ts), so an open
// connection is a request in flight or a stream (events, logs, stats): the count is what
// the engine sees dtui doing. Tests assert that it drops to zero after a switch away.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { rmSync } from 'node:fs';

export interface CountingProxy {
  /** unix://… of the proxy socket: give this to dtui (a context's host). */
  readonly host: string;
  /** Connections open now. */
  open(): number;
  /** Connections made since the start. */
  total(): number;
  /** The request line of every connection since the start, in order (no keep-alive: one request each). */
  requests(): string[];
  /** The request line each open connection started with ("GET /v1.41/events…"), for messages. */
  openRequests(): string[];
  close(): Promise<void>;
}

export async function startCountingProxy(path: string, target: string): Promise<CountingProxy> {
  rmSync(path, { force: true });
  const sockets = new Set<Socket>();
  /** The accepted sides only: one per connection dtui opened. */
  const clients = new Set<Socket>();
  const firstLine = new WeakMap<Socket, string>();
  const requestLines: string[] = [];
  let total = 0;
  const server: Server = createServer((client) => {
    total++;
    sockets.add(client);
    clients.add(client);
    const upstream = createConnection(target);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      sockets.delete(client);
      clients.delete(client);
      end();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      end();
    });
    client.on('error', end);
    upstream.on('error', end);
    client.once('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1').split('\r\n')[0] ?? '';
      firstLine.set(client, line);
      requestLines.push(line);
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return {
    host: `unix://${path}`,
    open: () => clients.size,
    openRequests: () => [...clients].map((c) => firstLine.get(c) ?? '(nothing sent yet)'),
    total: () => total,
    requests: () => [...requestLines],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
