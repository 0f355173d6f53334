// The create form's checks, pure: a name the docker CLI would take, a CIDR subnet, a
// gateway inside it, "key=value" labels. Addresses are read by node:net (isIP, BlockList):
// built in, exact for IPv4 and IPv6, no dependency to add for four checks.
import { BlockList, isIP } from 'node:net';
import { PREDEFINED_NETWORKS } from './rows.js';

export const NETWORK_DRIVERS = ['bridge', 'macvlan', 'overlay'] as const;

/** Letters, digits, _ . - ; starting with a letter or digit (the grammar of container names). */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function validateNetworkName(input: string, existing: readonly string[] = []): string | undefined {
  if (!input) return 'enter a name (letters, digits, _ . -)';
  if (!NAME.test(input)) return `"${input}" is not a valid network name (letters, digits, _ . -; starts with a letter or digit)`;
  if (PREDEFINED_NETWORKS.has(input)) return `"${input}" is the engine's own network: choose another name`;
  if (existing.includes(input)) return `a network named ${input} already exists`;
  return undefined;
}

export interface Cidr {
  address: string;
  prefix: number;
  family: 4 | 6;
}

/** "10.231.1.0/24" or "fd00:231::/64" → its parts, or an error message. */
export function parseCidr(input: string): Cidr | string {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(input);
  if (!m) return `"${input}" is not a subnet in CIDR notation (e.g. 10.231.1.0/24)`;
  const [, address = '', prefixText = ''] = m;
  const family = isIP(address);
  if (family !== 4 && family !== 6) return `"${address}" is not an IPv4 or IPv6 address`;
  const prefix = Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (prefix > max) return `/${prefix} is not a prefix length for IPv${family} (0–${max})`;
  return { address, prefix, family };
}

/** Empty (the engine picks a subnet) or a CIDR. */
export function validateSubnet(input: string): string | undefined {
  if (!input) return undefined;
  const cidr = parseCidr(input);
  return typeof cidr === 'string' ? cidr : undefined;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/**
 * Empty, or an address of the subnet's family inside it — as the docker CLI checks
 * ("no matching subnet for gateway") — and, for IPv4, neither its network nor its
 * broadcast address (the engine answers "Address already in use" for those).
 */
export function validateGateway(input: string, subnet: string): string | undefined {
  if (!input) return undefined;
  if (!subnet) return 'a gateway needs a subnet (fill in Subnet too)';
  const cidr = parseCidr(subnet);
  if (typeof cidr === 'string') return 'fix the subnet first';
  const family = isIP(input);
  if (family === 0) return `"${input}" is not an IP address`;
  if (family !== cidr.family) return `${input} is IPv${family} but the subnet ${subnet} is IPv${cidr.family}`;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const block = new BlockList();
  block.addSubnet(cidr.address, cidr.prefix, type);
  if (!block.check(input, type)) return `${input} is not inside the subnet ${subnet}`;
  if (family === 4 && cidr.prefix <= 30) {
    const size = 2 ** (32 - cidr.prefix);
    const offset = ipv4Number(input) % size;
    if (offset === 0) return `${input} is the network address of ${subnet}: use a host address (e.g. the first one)`;
    if (offset === size - 1) return `${input} is the broadcast address of ${subnet}: use a host address`;
  }
  return undefined;
}

/** "key=value, key2=value" (a key alone means an empty value, like `docker network create --label key`). */
export function parseLabels(input: string): Record<string, string> | string {
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of input
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const key = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const value = eq < 0 ? '' : entry.slice(eq + 1).trim();
    if (!key) return `"${entry}": the label key is empty`;
    if (/\s/.test(key)) return `"${key}": label keys cannot contain spaces`;
    if (/[\u0000-\u001f\u007f]/.test(entry)) return 'control characters are not allowed';
    labels[key] = value;
  }
  return labels;
}

export function validateLabels(input: string): string | undefined {
  const labels = parseLabels(input);
  return typeof labels === 'string' ? labels : undefined;
}

/** Overlay networks need a swarm manager; offer the driver only then. */
export function driverChoices(swarmActive: boolean): string[] {
  return NETWORK_DRIVERS.filter((d) => d !== 'overlay' || swarmActive);
}

/** An alias for connect: empty, or a DNS-ish name (letters, digits, _ . -). */
export function validateAlias(input: string): string | undefined {
  if (!input) return undefined;
  return NAME.test(input) ? undefined : `"${input}" is not a valid alias (letters, digits, _ . -; starts with a letter or digit)`;
}
