// An http.Agent whose connections are `docker system dial-stdio` channels over ONE ssh
// connection, as the docker CLI's ssh connection helper does, but without the ssh binary:
// ssh2 (already a dockerode dependency). Why not docker-modem's own `protocol: 'ssh'`:
// it opens a new ssh connection (key exchange + auth, ~0.8 s here) for every request,
// builds an `ssh:` URL that makes Node print a deprecation warning over the screen, and
// drops the remote stderr that says why dial-stdio failed. Here: one ssh connection,
// one channel per http connection, kept alive for the next request; hijacked exec/attach
// streams simply keep their channel. The connection is re-made after it drops.
// sshd allows a connection only so many sessions at once (MaxSessions, 10 by default), and
// dtui's streams, reads and hijacked sessions can add up to more: when the server refuses
// a channel, that connection counts as full and the channel is opened on another one
// (made when none has room), as the docker CLI's one ssh process per connection never
// meets the limit. Idle kept-alive channels are few (each is a dial-stdio process on the
// remote host, and a session counted against that limit).
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

/** A connection to the host and the channels open on it. */
interface SshConnection {
  client: Promise<Client>;
  /** Channels open or being opened. */
  open: number;
  /** The server refused a channel while `open` were open or asked for: its session limit. */
  full: boolean;
}

/** The server's answer when a connection has no room for another session (sshd MaxSessions). */
const CHANNEL_REFUSED = /Channel open failure/i;

export class SshDialer {
  readonly agent: Agent;
  private readonly connections: SshConnection[] = [];
  /** The remote side's last words (e.g. `docker: command not found`). */
  private remoteStderr = '';

  constructor(
    private readonly target: SshTarget,
    private readonly setup: SshSetup,
  ) {
    const agent = new Agent({ keepAlive: true, maxFreeSockets: 2 });
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

  private connect(): SshConnection {
    const forget = () => {
      const at = this.connections.indexOf(connection);
      if (at >= 0) this.connections.splice(at, 1);
    };
    const client = import('ssh2').then(
      (mod) =>
        new Promise<Client>((resolve, reject) => {
          // CommonJS: its exports object is the default export.
          const { Client: SshClient } = mod.default;
          const ssh = new SshClient();
          let ready = false;
          ssh.once('ready', () => {
            ready = true;
            resolve(ssh);
          });
          ssh.on('error', (err) => {
            forget();
            if (!ready) reject(this.setup.explain(err) ?? err);
          });
          ssh.on('close', () => {
            forget();
            if (!ready) reject(new Error(`ssh: ${this.target.hostname}:${this.target.port} closed the connection`));
          });
          const config: ConnectConfig = { host: this.target.hostname, port: this.target.port, ...this.setup.sshOptions };
          ssh.connect(config);
        }),
    );
    const connection: SshConnection = { client, open: 0, full: false };
    this.connections.push(connection);
    return connection;
  }

  private async channel(): Promise<Duplex> {
    for (;;) {
      const connection = this.connections.find((c) => !c.full) ?? this.connect();
      const client = await connection.client;
      // Counted from the request on: channels asked for at once on a new connection are
      // answered in any order, and a refusal must see the others as open.
      connection.open++;
      try {
        const channel = await this.exec(client);
        channel.once('close', () => {
          connection.open--;
          connection.full = false;
        });
        return socketLike(channel);
      } catch (err) {
        connection.open--;
        // A refusal with nothing else open or asked for on the connection is no limit: say it.
        if (!(err instanceof Error && CHANNEL_REFUSED.test(err.message)) || connection.open === 0) throw err;
        connection.full = true;
      }
    }
  }

  private exec(client: Client): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      client.exec('docker system dial-stdio', (err, channel) => {
        if (err) return reject(err);
        channel.stderr.on('data', (d: Buffer) => {
          this.remoteStderr = (this.remoteStderr + d.toString('utf8')).slice(-400);
        });
        resolve(channel);
      });
    });
  }

  /** What the remote side printed last, for an error message (control characters removed: it is untrusted). */
  lastRemoteError(): string {
    return sanitize(this.remoteStderr.trim().split('\n').at(-1) ?? '');
  }

  close(): void {
    this.agent.destroy();
    for (const { client } of this.connections.splice(0)) {
      void client.then(
        (c) => c.end(),
        () => undefined,
      );
    }
  }
}
