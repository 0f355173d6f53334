// The create form's checks and the request it builds (names, CIDR, gateway in subnet, labels, drivers).
import { describe, expect, it } from 'vitest';
import { createFields, createSpec } from '../../src/resources/networks/create-form.js';
import {
  driverChoices,
  parseLabels,
  validateAlias,
  validateGateway,
  validateLabels,
  validateNetworkName,
  validateSubnet,
} from '../../src/resources/networks/validate.js';
import { createForm, formKey, type FormState } from '../../src/ui/form/form-state.js';

describe('network name', () => {
  it('takes what the docker CLI takes and names what is wrong', () => {
    for (const ok of ['a', 'back_end', 'net-1.2', 'N9']) expect(validateNetworkName(ok)).toBeUndefined();
    expect(validateNetworkName('')).toMatch(/enter a name/);
    for (const bad of ['-x', '.x', 'bad name', 'a/b', 'é', 'x\x1b']) expect(validateNetworkName(bad)).toMatch(/is not a valid network name/);
    for (const own of ['bridge', 'host', 'none']) expect(validateNetworkName(own)).toMatch(/engine's own network/);
    expect(validateNetworkName('web', ['db', 'web'])).toBe('a network named web already exists');
  });
});

describe('subnet and gateway', () => {
  it('accepts IPv4 and IPv6 CIDRs, or nothing', () => {
    for (const ok of ['', '10.231.1.0/24', '10.231.1.0/0', '192.168.0.0/32', 'fd00:231::/64', '::/0']) expect(validateSubnet(ok)).toBeUndefined();
  });

  it('rejects what is not CIDR, with the reason', () => {
    expect(validateSubnet('10.231.1.0')).toMatch(/not a subnet in CIDR notation/);
    expect(validateSubnet('10.231.1.0/')).toMatch(/CIDR notation/);
    expect(validateSubnet('10.231.1.0/24 ')).toMatch(/CIDR notation/);
    expect(validateSubnet('10.231.256.0/24')).toMatch(/not an IPv4 or IPv6 address/);
    expect(validateSubnet('10.231.1.0/33')).toMatch(/\/33 is not a prefix length for IPv4 \(0–32\)/);
    expect(validateSubnet('fd00::/129')).toMatch(/IPv6 \(0–128\)/);
    expect(validateSubnet('net/24')).toMatch(/not an IPv4 or IPv6 address/);
  });

  it('wants the gateway inside the subnet, of its family, not its network or broadcast address', () => {
    const s = '10.231.4.0/24';
    expect(validateGateway('', s)).toBeUndefined();
    expect(validateGateway('10.231.4.1', s)).toBeUndefined();
    expect(validateGateway('10.231.4.254', s)).toBeUndefined();
    expect(validateGateway('10.231.5.1', s)).toBe('10.231.5.1 is not inside the subnet 10.231.4.0/24');
    expect(validateGateway('10.231.4.0', s)).toMatch(/network address/);
    expect(validateGateway('10.231.4.255', s)).toMatch(/broadcast address/);
    expect(validateGateway('10.231.4.1', '')).toMatch(/needs a subnet/);
    expect(validateGateway('10.231.4.1', 'junk')).toMatch(/fix the subnet first/);
    expect(validateGateway('gw', s)).toMatch(/not an IP address/);
    expect(validateGateway('fd00::1', s)).toMatch(/is IPv6 but the subnet/);
    expect(validateGateway('fd00:231::1', 'fd00:231::/64')).toBeUndefined();
    expect(validateGateway('fd00:232::1', 'fd00:231::/64')).toMatch(/not inside/);
    // /31 and /32 have no network or broadcast address to avoid.
    expect(validateGateway('10.0.0.0', '10.0.0.0/31')).toBeUndefined();
  });
});

describe('labels, aliases, drivers', () => {
  it('reads key=value lists like --label', () => {
    expect(parseLabels('a=b, c = d e ,flag,x=1=2')).toEqual({ a: 'b', c: 'd e', flag: '', x: '1=2' });
    expect(parseLabels('')).toEqual({});
    expect(validateLabels('=v')).toMatch(/label key is empty/);
    expect(validateLabels('my key=v')).toMatch(/cannot contain spaces/);
    expect(validateLabels('k=\x07')).toMatch(/control characters/);
  });

  it('checks aliases and offers overlay only on a swarm manager', () => {
    expect(validateAlias('')).toBeUndefined();
    expect(validateAlias('db.local')).toBeUndefined();
    expect(validateAlias('no space')).toMatch(/not a valid alias/);
    expect(driverChoices(false)).toEqual(['bridge', 'macvlan']);
    expect(driverChoices(true)).toEqual(['bridge', 'macvlan', 'overlay']);
  });
});

describe('the create form', () => {
  const typeInto = (state: FormState, text: string): FormState => {
    for (const ch of text) {
      const step = formKey(state, ch, ch);
      if (step.type !== 'edit') throw new Error('unexpected step');
      state = step.state;
    }
    return state;
  };
  const key = (state: FormState, name: string) => formKey(state, name, '');
  const edit = (state: FormState, name: string): FormState => {
    const step = key(state, name);
    if (step.type !== 'edit') throw new Error(`unexpected ${step.type}`);
    return step.state;
  };

  it('stops on the first bad field with its message, and builds the request once all are good', () => {
    let form = createForm(createFields(['taken'], false));
    form = typeInto(form, 'taken');
    let step = key(form, 'enter');
    expect(step.type === 'edit' && step.state.error).toBe('Name: a network named taken already exists');

    form = createForm(createFields(['taken'], false));
    form = typeInto(form, 'backend');
    form = edit(form, 'tab');
    form = edit(form, 'right'); // macvlan
    form = edit(form, 'left'); // bridge again
    form = edit(form, 'tab');
    form = typeInto(form, '10.231.9.0/24');
    form = edit(form, 'tab');
    form = typeInto(form, '10.231.8.1');
    step = key(form, 'enter');
    expect(step.type === 'edit' && step.state.error).toBe('Gateway: 10.231.8.1 is not inside the subnet 10.231.9.0/24');

    form = edit(form, 'backspace');
    form = edit(form, 'backspace');
    form = edit(form, 'backspace');
    form = typeInto(form, '9.1');
    form = edit(form, 'tab');
    form = edit(form, 'space'); // internal
    form = edit(form, 'tab');
    form = edit(form, 'space'); // attachable
    form = edit(form, 'tab');
    form = typeInto(form, 'team=db, tier=back');
    step = key(form, 'enter');
    if (step.type !== 'submit') throw new Error(`expected submit, got ${step.type}`);
    expect(createSpec(step.values)).toEqual({
      name: 'backend',
      driver: 'bridge',
      subnet: '10.231.9.0/24',
      gateway: '10.231.9.1',
      ipv6: false,
      internal: true,
      attachable: true,
      labels: { team: 'db', tier: 'back' },
    });
  });

  it('turns IPv6 on for an IPv6 subnet and leaves out what was left empty', () => {
    expect(createSpec({ name: 'v6', driver: 'bridge', subnet: 'fd00:231::/64', gateway: '', internal: false, attachable: false, labels: '' })).toEqual({
      name: 'v6',
      driver: 'bridge',
      subnet: 'fd00:231::/64',
      ipv6: true,
      internal: false,
      attachable: false,
      labels: {},
    });
    expect(createSpec({ name: 'auto', driver: 'macvlan', subnet: '', gateway: '10.0.0.1', internal: false, attachable: false, labels: '' })).toEqual({
      name: 'auto',
      driver: 'macvlan',
      ipv6: false,
      internal: false,
      attachable: false,
      labels: {},
    });
  });
});
