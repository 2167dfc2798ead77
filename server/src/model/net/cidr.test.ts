import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressCount, azureUsableAddressCount, cidrContains, cidrsOverlap, formatCidr, parseCidr } from './cidr';
import { formatIp, parseIp } from './ip-address';

const c = (t: string) => {
  const r = parseCidr(t);
  assert.ok(r, t);
  return r;
};

test('parses and formats IPv4 and IPv6 as Go does', () => {
  assert.equal(formatCidr(c('10.1.2.3/16')), '10.1.0.0/16');
  assert.equal(formatCidr(c('fd00:fd12:3456:7890::/56')), 'fd00:fd12:3456:7800::/56');
  assert.equal(formatIp(parseIp('2001:db8:0:0:1:0:0:1')!), '2001:db8::1:0:0:1');
  assert.equal(formatIp(parseIp('::')!), '::');
  assert.equal(formatIp(parseIp('1:0:2:0:3:0:4:0')!), '1:0:2:0:3:0:4:0');
  assert.equal(formatIp(parseIp('::ffff:10.0.0.1')!), '10.0.0.1');
  for (const bad of ['10.0.0.0', '10.0.0.256/8', '10.0.0/8', '10.0.0.0/33', 'fd00::/129', '1::2::3/64', 'x/1', '10.0.0.0/-1']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
});

test('overlap, containment and Azure capacity', () => {
  assert.equal(cidrsOverlap(c('10.0.0.0/16'), c('10.0.255.0/24')), true);
  assert.equal(cidrsOverlap(c('10.0.0.0/16'), c('10.1.0.0/16')), false);
  assert.equal(cidrsOverlap(c('10.0.0.0/8'), c('fd00::/8')), false);
  assert.equal(cidrContains(c('10.0.0.0/16'), c('10.0.4.0/22')), true);
  assert.equal(cidrContains(c('10.0.4.0/22'), c('10.0.0.0/16')), false);
  assert.equal(cidrContains(c('10.0.0.0/16'), parseIp('10.0.0.10')!), true);
  assert.equal(cidrContains(c('10.0.0.0/16'), parseIp('10.1.0.10')!), false);
  assert.equal(addressCount(c('10.0.0.0/24')), 256n);
  assert.equal(azureUsableAddressCount(c('10.0.0.0/24')), 251n);
  assert.equal(azureUsableAddressCount(c('10.0.0.0/30')), 0n);
  assert.equal(addressCount(c('fd00::/64')), 1n << 64n);
});
