// The part of tar-stream 2.x dtui uses (the package ships no typings).
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';
  export type EntryType =
    | 'file'
    | 'link'
    | 'symlink'
    | 'character-device'
    | 'block-device'
    | 'directory'
    | 'fifo'
    | 'contiguous-file'
    | 'pax-header'
    | 'pax-global-header'
    | 'gnu-long-link-path'
    | 'gnu-long-path';
  export interface Headers {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    type?: EntryType | null;
    linkname?: string | null;
    uid?: number;
    gid?: number;
    devmajor?: number;
    devminor?: number;
  }
  export interface Extract extends Writable {
    on(event: 'entry', listener: (headers: Headers, stream: Readable, next: (err?: Error) => void) => void): this;
    on(event: 'finish' | 'close', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }
  export interface Pack extends Readable {
    entry(headers: Headers, buffer?: string | Buffer, callback?: (err?: Error | null) => void): Writable;
    entry(headers: Headers, callback?: (err?: Error | null) => void): Writable;
    finalize(): void;
  }
  export function extract(): Extract;
  export function pack(): Pack;
}
