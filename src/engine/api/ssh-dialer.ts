// An http.Agent whose connections are `docker system dial-stdio` channels over ONE ssh
// connection, as the docker CLI's ssh connection helper does, but without the ssh binary:
// ssh2 (already a dockerode dependency). Why not docker-modem's own `protocol: 'ssh'`:
// it opens a new ssh connection (key exchange + auth, ~0.8 s here) for every request,
// builds an `ssh:` URL that makes Node print a deprecation warning over the screen, and
// drops the remote stderr that says why dial-stdio failed. Here: one ssh connection,
// one channel per http connection, kept alive for the next request; hijacked exec/attach
// streams simply keep their channel. The connection is re-made after it drops.
import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Client, ClientChannel, ConnectConfig } from 'ssh2';
import type { SshSetup, SshTarget } from './ssh-options.js';
import { sanitize } from '../../text/sanitize.js';

/** The socket methods http's Agent calls that an ssh channel does not have. */
function socketLike(channel: ClientChannel): Duplex {
  const s = channel as unknown as Record<string, unknown>;
  for (const name of ['setKeepAlive', 'setNoDelay', 'ref', 'unref']) s[name] ??= () => channel;
  // Idle timeouts of free sockets: a channel costs nothing while idle, keep it.
  s.setTimeout ??= () => channel;
  return channel;
}

export class SshDialer {
  readonly agent: Agent;
  private client: Promise<Client> | undefined;
  /** The remote side's last words (e.g. `docker: command not found`). */
  private remoteStderr = '';

  constructor(
    private readonly target: SshTarget,
    private readonly setup: SshSetup,
  ) {
    const agent = new Agent({ keepAlive: true });
    // http calls createConnection(options, callback) and waits for the callback when
    // nothing is returned.
    (agent as unknown as { createConnection: unknown }).createConnection = (_opts: unknown, cb: (err: Error | null, s?: Duplex) => void) => {
      this.channel().then(
        (c) => cb(null, c),
        (err: unknown) => cb(err as Error),
      );
      return undefined;
    };
    this.agent = agent;
  }

  private connect(): Promise<Client> {
    this.client ??= import('ssh2').then(
      (mod) =>
        new Promise<Client>((resolve, reject) => {
          // CommonJS: its exports object is the default export.
          const { Client: SshClient } = mod.default;
          const client = new SshClient();
          let ready = false;
          const forget = () => {
            this.client = undefined;
          };
          client.once('ready', () => {
            ready = true;
            resolve(client);
          });
          client.on('error', (err) => {
            forget();
            if (!ready) reject(this.setup.explain(err) ?? err);
          });
          client.on('close', () => {
            forget();
            if (!ready) reject(new Error(`ssh: ${this.target.hostname}:${this.target.port} closed the connection`));
          });
          const config: ConnectConfig = { host: this.target.hostname, port: this.target.port, ...this.setup.sshOptions };
          client.connect(config);
        }),
    );
    return this.client;
  }

  private async channel(): Promise<Duplex> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec('docker system dial-stdio', (err, channel) => {
        if (err) return reject(err);
        channel.stderr.on('data', (d: Buffer) => {
          this.remoteStderr = (this.remoteStderr + d.toString('utf8')).slice(-400);
        });
        resolve(socketLike(channel));
      });
    });
  }

  /** What the remote side printed last, for an error message (control characters removed: it is untrusted). */
  lastRemoteError(): string {
    return sanitize(this.remoteStderr.trim().split('\n').at(-1) ?? '');
  }

  close(): void {
    this.agent.destroy();
    void this.client?.then(
      (c) => c.end(),
      () => undefined,
    );
    this.client = undefined;
  }
}
