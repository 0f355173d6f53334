// Issue 13: a registry's answers are untrusted. Huge bodies are not read past a cap, an
// endless catalog is paged and cut off, and a redirect or a malformed header is reported
// as what it is, not as "registry unreachable". Raw HTTP on loopback: a real registry
// cannot be made to answer like this.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REGISTRY_ANSWER, searchRegistry } from '../../src/engine/registry/registry-search.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A loopback "registry" whose answer to each request line `answer` writes raw. */
async function rawRegistry(answer: (path: string, write: (s: string | Buffer) => void, end: () => void) => void): Promise<string> {
  server = createServer((socket) => {
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '/';
      head = '';
      answer(
        path,
        (s) => socket.write(s),
        () => socket.end(),
      );
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const address = server.address();
  return `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const ok = (body: string, extra = '') =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;

describe('hostile registries', () => {
  it('a catalog answer over the cap is refused without being read whole', async () => {
    const host = await rawRegistry((_p, write, end) => {
      // Chunked, so no Content-Length gives it away: the cap must count bytes.
      write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n');
      const chunk = `"${'r'.repeat(1 << 20)}",`;
      let sent = 0;
      const more = () => {
        for (let i = 0; i < 4 && sent < 40; i++, sent++) write(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
        if (sent < 40) setTimeout(more, 1);
        else end();
      };
      write('1\r\n[\r\n');
      more();
    });
    await expect(searchRegistry({ registry: host, filter: '' }, undefined, AbortSignal.timeout(20_000))).rejects.toThrow(
      `${host}'s answer to /v2/_catalog was larger than ${MAX_REGISTRY_ANSWER >> 20} MiB: not read`,
    );
  });

  it('pages the catalog through Link headers and stops after a bounded number of pages', async () => {
    let pages = 0;
    const host = await rawRegistry((path, write, end) => {
      if (path.startsWith('/v2/_catalog')) {
        pages++;
        const last = Number(/last=r(\d+)/.exec(path)?.[1] ?? 0);
        // Never-ending: always another page; only r7 matches the filter "match".
        const names = Array.from({ length: 3 }, (_, i) => `r${last + i + 1}${last + i + 1 === 7 ? '-match' : ''}`);
        write(ok(JSON.stringify({ repositories: names }), `Link: </v2/_catalog?n=3&last=r${last + 3}>; rel="next"\r\n`));
      } else {
        write(ok(JSON.stringify({ name: 'x', tags: ['1'] })));
      }
      end();
    });
    const found = await searchRegistry({ registry: host, filter: 'match' }, undefined, AbortSignal.timeout(20_000), 3);
    expect(found.results.map((r) => r.ref)).toEqual([`${host}/r7-match:1`]);
    expect(found.truncated).toBe(true);
    expect(pages).toBe(20);
  });

  it('a redirect is reported as one, with its target, and not followed', async () => {
    const host = await rawRegistry((_p, write, end) => {
      write('HTTP/1.1 307 Temporary Redirect\r\nLocation: http://evil.example/steal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      end();
    });
    await expect(searchRegistry({ registry: host, filter: '' }, undefined, AbortSignal.timeout(5000))).rejects.toThrow(
      `${host} redirected (307) to http://evil.example/steal: dtui does not follow registry redirects`,
    );
  });

  it('a header with a control character is reported as a malformed answer, not as unreachable', async () => {
    const host = await rawRegistry((_p, write, end) => {
      write('HTTP/1.1 200 OK\r\nX-Evil: a\x01b\x1b[2J\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      end();
    });
    const err = await searchRegistry({ registry: host, filter: '' }, undefined, AbortSignal.timeout(5000)).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(new RegExp(`^${host.replace(/\./g, '\\.')} sent a malformed answer`));
    expect(err?.message).not.toMatch(/unreachable|\x1b|\x01/);
  });

  it('a closed port is still "unreachable"', async () => {
    const host = await rawRegistry((_p, _w, end) => end());
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    await expect(searchRegistry({ registry: host, filter: '' }, undefined, AbortSignal.timeout(5000))).rejects.toThrow(
      `registry unreachable: ${host} (ECONNREFUSED)`,
    );
    await expect(searchRegistry({ registry: '127.0.0.1:1', filter: '' }, undefined, AbortSignal.timeout(5000))).rejects.toThrow(
      /registry unreachable: 127\.0\.0\.1:1 \(bad port/,
    );
  });
});
