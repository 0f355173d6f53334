// The few tar-fs 2.x options dtui uses (the package ships no typings).
declare module 'tar-fs' {
  import type { Readable, Writable } from 'node:stream';
  export interface TarHeader {
    name: string;
    type?: string;
    size?: number;
    linkname?: string;
  }
  export interface PackOptions {
    entries?: string[];
    map?: (header: TarHeader) => TarHeader;
    dereference?: boolean;
  }
  export interface ExtractOptions {
    map?: (header: TarHeader) => TarHeader | undefined;
    chown?: boolean;
    readable?: boolean;
    writable?: boolean;
  }
  export function pack(cwd: string, opts?: PackOptions): Readable;
  export function extract(cwd: string, opts?: ExtractOptions): Writable;
}
