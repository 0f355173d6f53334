// A counting proxy on a unix socket in front of the engine: every HTTP request a client
// makes is recorded (time, method, path) and relayed unchanged, so the benchmark can
// say exactly what dtui asked the engine for while idle.
//
// It can also scope the container list to some labels (adds a label filter to
// GET /containers/json): each scenario then sees only its own fixture containers, as if
// the engine held nothing else, though one engine holds all of them. Baselines (docker
// CLI, raw API call) go through the same proxy, so both sides pay the same hop.
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface ProxyRequest {
  at: number;
  method: string;
  path: string;
  /** Which client connection carried it (numbered from 1): keep-alive reuse shows as repeats. */
  connection: number;
  /** Set when the client or engine closed the connection carrying this request. */
  closedAt?: number;
}

const REQUEST_LINE = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/;
const LIST_PATH = /^(\/v[\d.]+)?\/containers\/json(\?|$)/;

export function scopePath(path: string, labels: readonly string[]): string {
  if (labels.length === 0 || !LIST_PATH.test(path)) return path;
  const url = new URL(path, 'http://engine');
  const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as Record<string, unknown>;
  const existing = Array.isArray(filters.label) ? (filters.label as string[]) : Object.keys((filters.label as object) ?? {});
  filters.label = [...existing, ...labels];
  url.searchParams.set('filters', JSON.stringify(filters));
  return url.pathname + url.search;
}

/** Splits the client's byte stream into requests (request line, headers, fixed-length body). */
class RequestParser {
  private buffer = Buffer.alloc(0);
  private bodyLeft = 0;
  private passthrough = false;

  constructor(private readonly onRequest: (method: string, path: string) => string) {}

  /** Returns the bytes to forward (request lines possibly rewritten). */
  push(chunk: Buffer): Buffer {
    if (this.passthrough) return chunk;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, this.buffer.length);
        out.push(this.buffer.subarray(0, n));
        this.buffer = this.buffer.subarray(n);
        this.bodyLeft -= n;
        if (this.bodyLeft > 0) break;
        continue;
      }
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const head = this.buffer.subarray(0, end).toString('latin1');
      this.buffer = this.buffer.subarray(end + 4);
      const [line = '', ...headers] = head.split('\r\n');
      const m = REQUEST_LINE.exec(line);
      const path = m ? this.onRequest(m[1]!, m[2]!) : '';
      out.push(Buffer.from(`${m ? `${m[1]} ${path} ${m[3]}` : line}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'));
      const length = headers.find((h) => /^content-length:/i.test(h));
      this.bodyLeft = length ? Number(length.split(':')[1]) || 0 : 0;
      // Chunked uploads or upgraded connections (attach, exec): stop parsing, just relay.
      if (headers.some((h) => /^(transfer-encoding:\s*chunked|upgrade:)/i.test(h))) {
        this.passthrough = true;
        out.push(this.buffer);
        this.buffer = Buffer.alloc(0);
        break;
      }
    }
    return Buffer.concat(out);
  }
}

export class CountingProxy {
  readonly requests: ProxyRequest[] = [];
  /** Label filters added to container lists; change between scenarios. */
  scope: string[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly upstreamPath: string,
    readonly socketPath: string,
  ) {}

  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  async start(): Promise<void> {
    rmSync(this.socketPath, { force: true });
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.socketPath, resolve);
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    rmSync(this.socketPath, { force: true });
  }

  /** Requests made at or after `since` (performance.now()). */
  since(since: number): ProxyRequest[] {
    return this.requests.filter((r) => r.at >= since);
  }

  /** Requests whose connection is still open (long-lived streams: events, stats, logs). */
  open(): ProxyRequest[] {
    return this.requests.filter((r) => r.closedAt === undefined);
  }

  private connections = 0;

  private relay(client: Socket): void {
    const connection = ++this.connections;
    const upstream = connect(this.upstreamPath);
    this.sockets.add(client).add(upstream);
    const mine: ProxyRequest[] = [];
    const parser = new RequestParser((method, path) => {
      const record: ProxyRequest = { at: performance.now(), method, path, connection };
      // Only the last request on a keep-alive connection can still be open.
      for (const r of mine) r.closedAt ??= record.at;
      mine.push(record);
      this.requests.push(record);
      return scopePath(path, this.scope);
    });
    client.on('data', (chunk: Buffer) => upstream.write(parser.push(chunk)));
    upstream.pipe(client);
    const close = () => {
      const now = performance.now();
      for (const r of mine) r.closedAt ??= now;
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
    client.on('end', () => upstream.end());
  }
}

/**
 * Requests by route, most first: "GET /containers/<id>/stats ×25, GET /services ×2" (API
 * version, ids and query left out), or "nothing". What an idle window's count is made of.
 */
export function byRoute(requests: readonly Pick<ProxyRequest, 'method' | 'path'>[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const path = r.path
      .replace(/\?.*$/, '')
      .replace(/^\/v[\d.]+/, '')
      .replace(/\/[0-9a-z]{25,64}(?=\/|$)/g, '/<id>');
    const route = `${r.method} ${path}`;
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  if (counts.size === 0) return 'nothing';
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([route, n]) => `${route} ×${n}`)
    .join(', ');
}
