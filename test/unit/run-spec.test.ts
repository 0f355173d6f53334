import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBody, joinQuotedList, splitList, splitQuotedList, type RunOptions } from '../../src/engine/models/run-spec.js';
import { DetachKeys } from '../../src/engine/api/terminal-session.js';

const base: RunOptions = {
  image: 'busybox:latest',
  name: '',
  command: '',
  interactive: true,
  autoRemove: true,
  detached: false,
  env: '',
  ports: '',
  volumes: '',
  restart: 'no',
};

describe('createBody', () => {
  it('is docker run -it --rm by default', () => {
    expect(createBody(base)).toEqual({
      Image: 'busybox:latest',
      Tty: true,
      OpenStdin: true,
      StdinOnce: true,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { AutoRemove: true },
    });
  });
  it('maps ports, env, volumes, restart policy and a quoted command', () => {
    const body = createBody({
      ...base,
      name: 'web',
      command: `sh -c 'sleep 1'`,
      autoRemove: false,
      detached: true,
      env: 'A=1, B=x',
      ports: '8080:80,127.0.0.1:53:53/udp 9000',
      volumes: 'data:/data, /srv:/srv:ro',
      restart: 'unless-stopped',
    });
    expect(body).toMatchObject({
      name: 'web',
      Cmd: ['sh', '-c', 'sleep 1'],
      Env: ['A=1', 'B=x'],
      StdinOnce: false,
      AttachStdin: false,
      ExposedPorts: { '80/tcp': {}, '53/udp': {}, '9000/tcp': {} },
      HostConfig: {
        AutoRemove: false,
        PortBindings: {
          '80/tcp': [{ HostIp: '', HostPort: '8080' }],
          '53/udp': [{ HostIp: '127.0.0.1', HostPort: '53' }],
          '9000/tcp': [{ HostIp: '', HostPort: '' }],
        },
        Binds: ['data:/data', '/srv:/srv:ro'],
        RestartPolicy: { Name: 'unless-stopped' },
      },
    });
  });
  it('refuses bad input with the field named', () => {
    expect(createBody({ ...base, image: ' ' })).toEqual({ error: 'Image: enter an image' });
    expect(createBody({ ...base, ports: '8080:99999' })).toMatchObject({ error: expect.stringMatching(/^Ports: "99999" is not a port/) });
    expect(createBody({ ...base, volumes: 'data' })).toMatchObject({ error: expect.stringMatching(/^Volumes:/) });
    expect(createBody({ ...base, env: '=x' })).toMatchObject({ error: expect.stringMatching(/^Env:/) });
    expect(createBody({ ...base, name: '-x' })).toMatchObject({ error: expect.stringMatching(/^Name:/) });
    expect(createBody({ ...base, command: `echo 'x` })).toEqual({ error: 'Command: unclosed single quote' });
    expect(createBody({ ...base, restart: 'always' })).toMatchObject({ error: expect.stringMatching(/--rm/) });
  });
  it('accepts an image id for untagged images', () => {
    expect(createBody({ ...base, image: 'sha256:a3772d54bce4' })).toMatchObject({ Image: 'sha256:a3772d54bce4' });
  });
  it('reads quoted env entries: spaces, commas and quotes inside values (issue 15)', () => {
    const body = createBody({ ...base, env: `A=1 "B=hello world" C='x,y', D="say \\"hi\\""` });
    expect(body).toMatchObject({ Env: ['A=1', 'B=hello world', 'C=x,y', 'D=say "hi"'] });
    expect(createBody({ ...base, env: `B="unclosed` })).toMatchObject({ error: expect.stringMatching(/^Env: unclosed double quote/) });
  });
  it('round-trips any env entry through quoting (property)', () => {
    const entry = fc.tuple(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.string({ maxLength: 20 })).map(([k, v]) => `${k}=${v}`);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        expect(splitQuotedList(joinQuotedList(entries))).toEqual(entries);
      }),
    );
  });
  it('declares an anonymous volume for -v /data and publishes port ranges (issue 15)', () => {
    const body = createBody({ ...base, volumes: '/data, named:/srv', ports: '8080-8081:80-81, 0:90, 127.0.0.1::91, 9000-9001:92' });
    expect(body).toMatchObject({
      Volumes: { '/data': {} },
      HostConfig: {
        Binds: ['named:/srv'],
        PortBindings: {
          '80/tcp': [{ HostIp: '', HostPort: '8080' }],
          '81/tcp': [{ HostIp: '', HostPort: '8081' }],
          '90/tcp': [{ HostIp: '', HostPort: '0' }],
          '91/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
          '92/tcp': [{ HostIp: '', HostPort: '9000-9001' }],
        },
      },
    });
  });
  it('splits lists on commas and whitespace', () => {
    expect(splitList(' a, b  c,,d ')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('DetachKeys', () => {
  const bytes = (...b: number[]) => Buffer.from(b);
  it('detaches on Ctrl+P Ctrl+Q, in one read or two', () => {
    expect(new DetachKeys().feed(bytes(0x61, 0x10, 0x11, 0x62))).toEqual({ forward: bytes(0x61), detach: true });
    const keys = new DetachKeys();
    expect(keys.feed(bytes(0x10))).toEqual({ forward: bytes(), detach: false });
    expect(keys.feed(bytes(0x11))).toEqual({ forward: bytes(), detach: true });
  });
  it('passes a Ctrl+P that is not followed by Ctrl+Q on', () => {
    const keys = new DetachKeys();
    expect(keys.feed(bytes(0x10))).toEqual({ forward: bytes(), detach: false });
    expect(keys.feed(bytes(0x10, 0x61))).toEqual({ forward: bytes(0x10, 0x10, 0x61), detach: false });
  });
});
