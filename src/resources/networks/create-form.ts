// The create form (c): its fields with their checks, and the engine request they make.
// Pure: tested without a terminal (test/unit/networks-create-form.test.ts).
import type { NetworkCreateSpec } from '../../engine/api/networks.js';
import type { FieldSpec, FieldValue } from '../../ui/form/form-state.js';
import { driverChoices, parseCidr, parseLabels, validateGateway, validateLabels, validateNetworkName, validateSubnet } from './validate.js';

const text = (v: FieldValue | undefined): string => String(v ?? '').trim();

export function createFields(existingNames: readonly string[], swarmActive: boolean): FieldSpec[] {
  return [
    { name: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. backend', validate: (v) => validateNetworkName(text(v), existingNames) },
    { name: 'driver', label: 'Driver', kind: 'choice', choices: driverChoices(swarmActive), initial: 'bridge' },
    { name: 'subnet', label: 'Subnet', kind: 'text', placeholder: 'e.g. 10.231.1.0/24; empty: the engine picks one', validate: (v) => validateSubnet(text(v)) },
    {
      name: 'gateway',
      label: 'Gateway',
      kind: 'text',
      placeholder: 'e.g. 10.231.1.1; empty: the first address',
      validate: (v, all) => validateGateway(text(v), text(all.subnet)),
    },
    { name: 'internal', label: 'Internal (no outside access)', kind: 'toggle', initial: false },
    { name: 'attachable', label: 'Attachable (containers may join)', kind: 'toggle', initial: false },
    { name: 'labels', label: 'Labels', kind: 'text', placeholder: 'key=value, key2=value', validate: (v) => validateLabels(text(v)) },
  ];
}

/** The request for valid form values (the fields' checks ran first). */
export function createSpec(values: Readonly<Record<string, FieldValue>>): NetworkCreateSpec {
  const subnet = text(values.subnet);
  const cidr = subnet ? parseCidr(subnet) : undefined;
  const labels = parseLabels(text(values.labels));
  return {
    name: text(values.name),
    driver: text(values.driver) || 'bridge',
    ...(subnet ? { subnet } : {}),
    ...(subnet && text(values.gateway) ? { gateway: text(values.gateway) } : {}),
    ipv6: typeof cidr === 'object' && cidr.family === 6,
    internal: values.internal === true,
    attachable: values.attachable === true,
    labels: typeof labels === 'string' ? {} : { ...labels },
  };
}
