// Which engine answers on the socket. Docker's /version names its components "Engine",
// "containerd", "runc"; Podman's Docker-compatible /version names "Podman Engine" (measured:
// Podman 4.3.1, Debian bookworm) and its Platform.Name is the distro ("linux/amd64/debian-12"),
// so the components are the reliable mark. Unknown or malformed shapes count as Docker: the
// answer comes from the engine, so nothing here trusts a field's type.
import { sanitize } from '../../text/sanitize.js';

export type EngineProduct = 'Docker' | 'Podman';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const field = (o: unknown, key: string): unknown => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined);

/** The product and its own version (Podman's component version, else /version's Version). */
export function engineProduct(answer: unknown): { product: EngineProduct; version: string } {
  const version = str(field(answer, 'Version'));
  const components = field(answer, 'Components');
  const podman: unknown = Array.isArray(components) ? (components as unknown[]).find((c) => /podman/i.test(str(field(c, 'Name')) ?? '')) : undefined;
  if (podman !== undefined) return { product: 'Podman', version: sanitize(str(field(podman, 'Version')) ?? version ?? '?') };
  if (/podman/i.test(str(field(field(answer, 'Platform'), 'Name')) ?? '')) return { product: 'Podman', version: sanitize(version ?? '?') };
  return { product: 'Docker', version: sanitize(version ?? '?') };
}
