// dtui's flags read as the docker CLI reads them (pflag + strconv.ParseBool).
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE, UsageError } from '../../src/cli/args.js';

const usageError = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not throw`);
};

const TRUE_WORDS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_WORDS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];
const BOOLEANS = [
  ['--read-only', 'readOnly'],
  ['--tls', 'tls'],
  ['--tlsverify', 'tlsVerify'],
  ['--exec-via-cli', 'execViaCli'],
  ['--help', 'help'],
  ['--version', 'version'],
] as const;

describe('defaults', () => {
  it('no flags: nothing on, no host', () => {
    expect(parseArgs([])).toEqual({ help: false, version: false, readOnly: false, execViaCli: false });
  });
});

describe('boolean flags', () => {
  it.each(BOOLEANS)('%s alone turns it on', (flag, key) => {
    expect(parseArgs([flag])[key]).toBe(true);
  });
  it.each(BOOLEANS)('%s=<every ParseBool true word> turns it on', (flag, key) => {
    for (const word of TRUE_WORDS) expect(parseArgs([`${flag}=${word}`])[key]).toBe(true);
  });
  it.each(BOOLEANS)('%s=<every ParseBool false word> turns it off', (flag, key) => {
    for (const word of FALSE_WORDS) expect(parseArgs([`${flag}=${word}`])[key]).toBe(false);
  });
  it('--read-only=false is off (it used to turn read-only on)', () => {
    expect(parseArgs(['--read-only=false']).readOnly).toBe(false);
  });
  it('--tlsverify=0 is off (it used to mean true)', () => {
    expect(parseArgs(['--tlsverify=0']).tlsVerify).toBe(false);
  });
  it('the last of repeated flags wins', () => {
    expect(parseArgs(['--read-only', '--read-only=false']).readOnly).toBe(false);
    expect(parseArgs(['--read-only=0', '--read-only']).readOnly).toBe(true);
  });
  it.each(['yes', 'no', 'on', 'off', '', 'tRuE', '2', 'false '])('--read-only=%j is a clear error', (word) => {
    expect(usageError([`--read-only=${word}`])).toBe(`--read-only=${word}: expected true or false (also 1/0, t/f)`);
  });
  it('a value given apart from a boolean flag is not taken (as in the docker CLI)', () => {
    expect(usageError(['--read-only', 'false'])).toBe('unexpected argument false (see dtui --help)');
  });
  it('short forms and groups', () => {
    expect(parseArgs(['-h'])).toMatchObject({ help: true, version: false });
    expect(parseArgs(['-v'])).toMatchObject({ help: false, version: true });
    expect(parseArgs(['-hv'])).toMatchObject({ help: true, version: true });
  });
});

describe('value flags', () => {
  it.each([[['-H', 'tcp://h:2375']], [['-Htcp://h:2375']], [['-H=tcp://h:2375']], [['--host', 'tcp://h:2375']], [['--host=tcp://h:2375']]])(
    '%j gives the host',
    (argv) => {
      expect(parseArgs(argv).host).toBe('tcp://h:2375');
    },
  );
  it.each([[['--context', 'prod']], [['--context=prod']], [['-c', 'prod']], [['-cprod']]])('%j gives the context', (argv) => {
    expect(parseArgs(argv).context).toBe('prod');
  });
  it('TLS paths in every spelling', () => {
    expect(parseArgs(['--tlscacert', '/c/ca.pem', '--tlscert=/c/cert.pem', '--tlskey', '/c/key.pem'])).toMatchObject({
      tlsCaCert: '/c/ca.pem',
      tlsCert: '/c/cert.pem',
      tlsKey: '/c/key.pem',
    });
  });
  it('a value may contain "="', () => {
    expect(parseArgs(['--tlscacert=/a=b/ca.pem']).tlsCaCert).toBe('/a=b/ca.pem');
    expect(parseArgs(['-H', 'tcp://h:1?x=y']).host).toBe('tcp://h:1?x=y');
  });
  it.each([
    [['-H'], '-H needs a value'],
    [['--host'], '--host needs a value'],
    [['--host='], '--host needs a value'],
    [['-H='], '-H needs a value'],
    [['-H', ''], '-H needs a value'],
    [['-H', '--read-only'], '-H needs a value'],
    [['--tlscacert'], '--tlscacert needs a value'],
    [['--tlskey='], '--tlskey needs a value'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
  it('--log-lines takes 1 to 10000000', () => {
    expect(parseArgs(['--log-lines', '500']).logLines).toBe(500);
    expect(parseArgs(['--log-lines=10000000']).logLines).toBe(10_000_000);
    for (const bad of ['0', '-1', '1.5', 'many', '10000001', ' 5']) {
      expect(usageError([`--log-lines=${bad}`])).toBe('--log-lines needs a number of lines from 1 to 10000000');
    }
    expect(usageError(['--log-lines'])).toBe('--log-lines needs a value');
  });
});

describe('-H schemes', () => {
  it.each(['unix:///var/run/docker.sock', 'tcp://10.0.0.1:2376', 'ssh://me@box', 'ssh://me@box:2222', 'h:2375', '/run/docker.sock', 'https://h:2376'])(
    '%s is passed on',
    (host) => {
      expect(parseArgs(['-H', host]).host).toBe(host);
    },
  );
  it.each(['ftp://x', 'fd://', 'http+unix://x', 'foo://bar:1'])('%s is refused, naming the scheme', (host) => {
    const scheme = host.slice(0, host.indexOf('://') + 3).toLowerCase();
    expect(usageError(['-H', host])).toBe(`-H ${host}: unknown scheme ${scheme}; use unix:///path, tcp://host:port or ssh://user@host`);
    expect(usageError([`--host=${host}`])).toContain(`--host ${host}: unknown scheme`);
  });
  it.runIf(process.platform !== 'win32')('npipe:// is refused off Windows', () => {
    expect(usageError(['-H', 'npipe:////./pipe/docker_engine'])).toBe(
      '-H npipe:////./pipe/docker_engine: npipe:// is a Windows named pipe; here use unix:///path/to/docker.sock or tcp://host:port',
    );
  });
});

describe('unknown input', () => {
  it.each([
    [['--frobnicate'], 'unknown option --frobnicate (see dtui --help)'],
    [['--frobnicate=1'], 'unknown option --frobnicate (see dtui --help)'],
    [['-x'], 'unknown option -x (see dtui --help)'],
    [['-hx'], 'unknown option -x (see dtui --help)'],
    [['--read_only'], 'unknown option --read_only (see dtui --help)'],
    [['--no-read-only'], 'unknown option --no-read-only (see dtui --help)'],
    [['ps'], 'unexpected argument ps (see dtui --help)'],
    [['--', 'ps'], 'unexpected argument ps (see dtui --help)'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
  it('a name like Object.prototype members is unknown, not a crash', () => {
    expect(usageError(['--constructor'])).toBe('unknown option --constructor (see dtui --help)');
    expect(usageError(['--__proto__'])).toBe('unknown option --__proto__ (see dtui --help)');
  });
});

describe('--help', () => {
  it('names every flag', () => {
    for (const flag of [
      '-H, --host URL',
      '-c, --context NAME',
      '--tls ',
      '--tlsverify',
      '--tlscacert PATH',
      '--tlscert PATH',
      '--tlskey PATH',
      '--read-only',
      '--log-lines N',
      '--exec-via-cli',
      '-h, --help',
      '-v, --version',
      '--print-config',
    ]) {
      expect(USAGE).toContain(flag);
    }
    expect(USAGE).toContain('--read-only=false');
  });
});

describe('--print-config', () => {
  it('is dtui config print', () => {
    expect(parseArgs(['--print-config'])).toEqual(parseArgs(['config', 'print']));
    expect(parseArgs(['--print-config', '--config', 'x.yml']).subcommand).toBe('config print');
    expect(parseArgs(['config', 'print', '--print-config']).subcommand).toBe('config print');
  });
  it('=false leaves it off; with config path it is refused', () => {
    expect(parseArgs(['--print-config=false'])).toEqual(parseArgs([]));
    expect(usageError(['--print-config', 'config', 'path'])).toBe('--print-config and dtui config path: choose one');
  });
});
