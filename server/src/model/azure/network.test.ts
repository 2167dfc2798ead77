import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  azureCniNodeSubnetIps, DEFAULT_MAX_PODS, MAX_PODS_BOUNDS, NETWORK_DEFAULTS, RESERVED_RANGES, surgeNodes, usableSubnetIps,
} from './network-constants';
import { caseOnlyMismatch, isAllowedNetworkValue, networkCombinationViolations, type NetworkProfileFacts } from './network-plugins';

const ids = (f: NetworkProfileFacts) => networkCombinationViolations(f).map((r) => r.trigger);

test('defaults and reserved ranges as in §2.5', () => {
  assert.equal(NETWORK_DEFAULTS.serviceCidr, '10.0.0.0/16');
  assert.equal(NETWORK_DEFAULTS.dnsServiceIp, '10.0.0.10');
  assert.equal(NETWORK_DEFAULTS.podCidr, '10.244.0.0/16');
  assert.deepEqual(RESERVED_RANGES.map((r) => r.cidr), ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24']);
  assert.deepEqual(DEFAULT_MAX_PODS, { 'azure-cni-overlay': 250, 'azure-cni-pod-subnet': 110, 'azure-cni-node-subnet': 30, kubenet: 110 });
  assert.equal(MAX_PODS_BOUNDS.min, 10);
  assert.equal(MAX_PODS_BOUNDS.max, 250);
});

test('subnet capacity formulas reproduce the documented examples', () => {
  assert.equal(usableSubnetIps(24), 251); // "leaving 251 usable addresses" in a /24
  assert.equal(usableSubnetIps(22), 1019);
  assert.equal(usableSubnetIps(32), 0);
  assert.equal(azureCniNodeSubnetIps(50, 1, 30), 1581); // planning-doc example -> /21
  assert.equal(azureCniNodeSubnetIps(10, 1, 30), 341); // AKS-NET-004 message example
  assert.equal(surgeNodes(10, '10%'), 1); // percentages round up
  assert.equal(surgeNodes(11, '10%'), 2);
  assert.equal(surgeNodes(3, '2'), 2);
  assert.equal(surgeNodes(3, 1), 1);
  assert.equal(surgeNodes(3, 'lots'), undefined);
  assert.equal(surgeNodes(3, -1), undefined);
});

test('AKS-NET-001 combination table: failing and passing examples', () => {
  assert.deepEqual(ids({ profilePresent: true, plugin: 'azure', podCidrSet: true }), [1]);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'azure', mode: 'overlay', podCidrSet: true }), []);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'kubenet', policy: 'azure' }), [2, 7, 8]);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'azure', mode: 'overlay', policy: 'cilium' }), [3]);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'azure', policy: 'cilium', dataPlane: 'cilium' }), [4]);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'azure', policy: 'cilium', dataPlane: 'cilium', anyPodSubnet: true }), []);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'kubenet', mode: 'overlay' }), [5, 7]);
  assert.deepEqual(ids({ profilePresent: true, plugin: 'kubenet', networkModeSet: true }), [6, 7]);
  assert.deepEqual(ids({ profilePresent: false }), [7]); // no network_profile -> kubenet
  assert.deepEqual(ids({ profilePresent: true, plugin: 'Azure', mode: 'Overlay' }), [9]); // casing only, no cascade
});

test('value casing is case-sensitive, with the canonical value on offer', () => {
  assert.equal(caseOnlyMismatch('network_plugin', 'Azure'), 'azure');
  assert.equal(caseOnlyMismatch('network_plugin', 'azure'), undefined);
  assert.equal(caseOnlyMismatch('network_policy', 'weave'), undefined);
  assert.ok(isAllowedNetworkValue('network_data_plane', 'cilium'));
  assert.ok(!isAllowedNetworkValue('network_plugin_mode', 'Overlay'));
});
