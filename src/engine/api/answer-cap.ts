// docker-modem reads every non-streamed answer whole (chunks → one Buffer → one string →
// JSON.parse): a hostile or broken engine answering a list call with 600 MB would crash
// dtui with V8's string length limit, or eat the memory. Here the modem's dial is wrapped
// so such answers arrive as a stream, are read up to a cap, and only then go through the
// modem's own payload handling (buildPayload), so errors and results look exactly as before.
import { addAbortSignal, type Readable } from 'node:stream';

/** JSON answers (lists, inspect, df, history…): far above any real engine's. */
export const MAX_JSON_ANSWER = 64 << 20;
/** Other whole answers (a stopped container's log read with follow: false). */
export const MAX_OTHER_ANSWER = 256 << 20;

export class AnswerTooLargeError extends Error {
  constructor(
    readonly call: string,
    readonly limit: number,
  ) {
    super(`the engine's answer to ${call} was larger than ${limit >> 20} MiB: not read`);
  }
}

type Callback = (err: unknown, data?: unknown) => void;
interface DialOptions {
  path?: string;
  method?: string;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
  statusCodes?: Record<number, unknown>;
  abortSignal?: AbortSignal;
}
interface Modem {
  dial(options: DialOptions, callback: Callback): unknown;
  buildPayload(err: unknown, isStream: boolean, statusCodes: unknown, openStdin: boolean, req: unknown, res: unknown, json: unknown, cb: Callback): void;
}

/** Every status "expected", so the modem hands over the response stream whatever it is. */
const ANY_STATUS = new Proxy({}, { get: () => true });

function callName(options: DialOptions): string {
  const path = (options.path ?? '')
    .replace(/\?.*$/, '')
    .replace(/[^\x21-\x7e]/g, '?')
    .slice(0, 100);
  return `${options.method ?? 'GET'} ${path}`;
}

export function capAnswers(modem: Modem, limits = { json: MAX_JSON_ANSWER, other: MAX_OTHER_ANSWER }): void {
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    if (options.isStream || options.hijack || options.openStdin) return dial(options, callback);
    return dial({ ...options, isStream: true, statusCodes: ANY_STATUS }, (err, data) => {
      if (err) return callback(err);
      const res = data as Readable & { headers: Record<string, string | undefined> };
      const limit = /json/i.test(res.headers['content-type'] ?? '') ? limits.json : limits.other;
      if (options.abortSignal) addAbortSignal(options.abortSignal, res);
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (e: unknown, body?: Buffer) => {
        if (done) return;
        done = true;
        if (e) return callback(e);
        let json: unknown = null;
        try {
          json = JSON.parse(body!.toString());
        } catch {
          // Not JSON: the modem hands over the Buffer, as before.
        }
        modem.buildPayload(null, false, options.statusCodes ?? {}, false, null, res, json || body, callback);
      };
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          res.destroy();
          finish(new AnswerTooLargeError(callName(options), limit));
        } else chunks.push(chunk);
      });
      res.on('end', () => finish(null, Buffer.concat(chunks)));
      res.on('error', (e) => finish(e));
      // 'end' comes first on a complete answer; a close without it means the answer was cut.
      res.on('close', () => finish(new Error(`the engine's answer to ${callName(options)} was cut off`)));
    });
  };
}
