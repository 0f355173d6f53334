// An HTTP server on a unix socket that speaks just enough of the Engine API for dtui to
// connect, and answers each path the way a test tells it: slowly, never, malformed or
// huge. Only for inputs a real engine cannot be made to produce (issue 13).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface MisbehavingEngine {
  socketPath: string;
  /** Path (without the /vX.Y prefix and query) → handler; replaces the default. */
  routes: Map<string, Handler>;
  /** How many times each path was asked. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export const json =
  (body: unknown): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/** Never answers (the socket stays open until the client gives up). */
export const never: Handler = () => undefined;

export async function startMisbehavingEngine(): Promise<MisbehavingEngine> {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'dtui-misbehaving-')), 'engine.sock');
  const routes = new Map<string, Handler>([
    [
      '/_ping',
      (_q, r) => {
        r.writeHead(200, { 'Content-Type': 'text/plain', 'Api-Version': '1.47' });
        r.end('OK');
      },
    ],
    ['/version', json({ Version: '27.0.0', ApiVersion: '1.47', MinAPIVersion: '1.24', Os: 'linux', Arch: 'amd64' })],
    [
      '/events',
      (_q, r) => {
        r.writeHead(200, { 'Content-Type': 'application/json' });
        r.flushHeaders();
      },
    ],
    ['/containers/json', json([])],
    ['/images/json', json([])],
    ['/volumes', json({ Volumes: [] })],
    ['/system/df', json({ Volumes: [] })],
    ['/info', json({ Containers: 0, Images: 0 })],
  ]);
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '').replace(/^\/v\d+\.\d+/, '');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ message: `page not found: ${path}` }));
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    routes,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
