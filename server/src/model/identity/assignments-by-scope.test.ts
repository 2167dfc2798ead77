import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TfModule } from '../terraform/model-types';
import { indexByScope } from './assignments-by-scope';
import { coversTarget, type RoleAssignmentFacts, type RoleTarget } from './role-assignments';
import type { Traced } from './trace';

const m1 = { dir: 'a' } as TfModule;
const m2 = { dir: 'b' } as TfModule;
const ref = (module: TfModule, address: string, path: (string | number)[] = ['id']): Traced =>
  ({ kind: 'ref', module, address, path, node: {} as never, file: 'main.tf', direct: true }) as Traced;
const ra = (name: string, scope: Traced | undefined) => ({ resource: { name }, scope }) as unknown as RoleAssignmentFacts;

const list = [
  ra('subnet-a', ref(m1, 'azurerm_subnet.a')),
  ra('rg', ref(m1, 'azurerm_resource_group.rg')),
  ra('subnet-b', ref(m1, 'azurerm_subnet.b')),
  ra('unknown', undefined),
  ra('other-module', ref(m2, 'azurerm_subnet.a')),
  ra('vnet', ref(m1, 'azurerm_virtual_network.v')),
  ra('subnet-a-again', ref(m1, 'azurerm_subnet.a')),
  ra('external', ref(m1, 'azapi_resource.x')),
];
const names = (xs: readonly RoleAssignmentFacts[]) => xs.map((x) => (x.resource as unknown as { name: string }).name);
const target = (module: TfModule, address: string): RoleTarget => ({ ref: { module, address } as never });

test('indexByScope: single-resource scopes only for their resource, everything else for every target, in input order', () => {
  const lookup = indexByScope(list);
  assert.deepEqual(names(lookup(target(m1, 'azurerm_subnet.a'))), ['subnet-a', 'rg', 'unknown', 'vnet', 'subnet-a-again', 'external']);
  assert.deepEqual(names(lookup(target(m1, 'azurerm_subnet.z'))), ['rg', 'unknown', 'vnet', 'external']);
  assert.deepEqual(names(lookup({ literal: '/subscriptions/x' })), names(list));
});

test('indexByScope leaves out only assignments whose coversTarget is "no"', () => {
  const lookup = indexByScope(list);
  for (const t of [target(m1, 'azurerm_subnet.a'), target(m1, 'azurerm_subnet.b'), target(m2, 'azurerm_subnet.a'), target(m1, 'azurerm_subnet.z')]) {
    const kept = new Set(lookup(t));
    for (const x of list) if (!kept.has(x)) assert.equal(coversTarget(x, t), 'no', `${names([x])[0]} left out`);
  }
});
