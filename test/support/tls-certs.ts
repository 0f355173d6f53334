// Throw-away PKI for the private dockerd's TLS listener, generated with the openssl CLI
// (no npm dependency can mint X.509 certs, and openssl is on every Debian box).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsFiles {
  /** Client side, docker-CLI naming (ca.pem, cert.pem, key.pem) so DOCKER_CERT_PATH=clientDir works. */
  clientDir: string;
  /** Server side, passed to dockerd --tlscacert/--tlscert/--tlskey. */
  serverCa: string;
  serverCert: string;
  serverKey: string;
}

// Short validity is enough for a test run; the CLI-started engine regenerates if files vanish.
const DAYS = '30';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args[0]} failed (is openssl installed? apt-get install -y openssl): ${stderr}`, { cause: error });
  }
}

// P-256 keys: generation is instant (RSA keygen costs ~100ms each) and both Go's TLS
// stack (dockerd) and Node accept ECDSA.
function newKey(path: string, cwd: string): void {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path], cwd);
  chmodSync(join(cwd, path), 0o600);
}

// Extensions are written explicitly (instead of relying on openssl.cnf defaults, which
// differ between distros) because Go rejects a CA without basicConstraints CA:TRUE and a
// server cert without the right SAN / extendedKeyUsage.
function sign(dir: string, name: string, subject: string, extensions: string, issuer?: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(['req', '-new', '-key', `${name}-key.pem`, '-subj', subject, '-out', `${name}.csr`], dir);
  const signer = issuer ? ['-CA', `${issuer}.pem`, '-CAkey', `${issuer}-key.pem`, '-set_serial', String(Date.now())] : ['-signkey', `${name}-key.pem`];
  openssl(['x509', '-req', '-in', `${name}.csr`, '-days', DAYS, '-sha256', ...signer, '-extfile', `${name}.ext`, '-out', `${name}.pem`], dir);
  rmSync(join(dir, `${name}.csr`));
  rmSync(join(dir, `${name}.ext`));
}

/** Creates (or reuses, if complete) a CA, a server cert for 127.0.0.1/localhost and a client cert under `dir`. */
export function ensureTlsFiles(dir: string): TlsFiles {
  const pki = join(dir, 'pki');
  const clientDir = join(dir, 'certs');
  const files: TlsFiles = {
    clientDir,
    serverCa: join(pki, 'ca.pem'),
    serverCert: join(pki, 'server.pem'),
    serverKey: join(pki, 'server-key.pem'),
  };
  const clientFiles = ['ca.pem', 'cert.pem', 'key.pem'].map((f) => join(clientDir, f));
  if ([files.serverCa, files.serverCert, files.serverKey, ...clientFiles].every((f) => existsSync(f))) {
    return files;
  }
  rmSync(pki, { recursive: true, force: true });
  rmSync(clientDir, { recursive: true, force: true });
  mkdirSync(pki, { recursive: true, mode: 0o700 });
  mkdirSync(clientDir, { recursive: true, mode: 0o700 });

  for (const name of ['ca', 'server', 'client']) newKey(`${name}-key.pem`, pki);
  sign(pki, 'ca', '/CN=dtui-test-ca', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  sign(pki, 'server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n', 'ca');
  sign(pki, 'client', '/CN=dtui-test-client', 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n', 'ca');

  copyFileSync(join(pki, 'ca.pem'), join(clientDir, 'ca.pem'));
  copyFileSync(join(pki, 'client.pem'), join(clientDir, 'cert.pem'));
  copyFileSync(join(pki, 'client-key.pem'), join(clientDir, 'key.pem'));
  chmodSync(join(clientDir, 'key.pem'), 0o600);
  return files;
}
