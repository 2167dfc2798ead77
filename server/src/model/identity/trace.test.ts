import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../workspace';
import { resourceTypeOf, trace } from './trace';

test('resourceTypeOf: the type of managed and data addresses, as split(".") gave it', () => {
  assert.equal(resourceTypeOf('azurerm_subnet.aks'), 'azurerm_subnet');
  assert.equal(resourceTypeOf('azurerm_subnet.aks.id'), 'azurerm_subnet');
  assert.equal(resourceTypeOf('data.azurerm_subnet.aks'), 'azurerm_subnet');
  assert.equal(resourceTypeOf('data.azurerm_client_config'), 'azurerm_client_config');
  assert.equal(resourceTypeOf('database.x'), 'database', 'a type starting with "data" is not a data source');
  assert.equal(resourceTypeOf('azurerm_subnet'), 'azurerm_subnet');
  assert.equal(resourceTypeOf('data'), undefined);
});

test('trace: one result per expression and module, kept while the module is handed on unchanged', () => {
  const ws = Workspace.create([
    { path: 'a/main.tf', text: 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\nresource "azurerm_kubernetes_cluster" "k" {\n  subnet = azurerm_subnet.s.id\n}\n' },
    { path: 'b/main.tf', text: 'variable "x" {}\n' },
  ]);
  const attrOf = (w: Workspace) => {
    const m = w.terraform().module('a')!;
    return { m, attr: m.resourcesOfType('azurerm_kubernetes_cluster')[0].attribute('subnet')! };
  };
  const { m, attr } = attrOf(ws);
  const first = trace(m, attr.expr, attr.file);
  assert.equal(first?.kind, 'ref');
  assert.equal(first?.kind === 'ref' && first.address, 'azurerm_subnet.s');
  assert.equal(trace(m, attr.expr, attr.file), first, 'same module and node: the kept result');
  const other = attrOf(ws.withFile('b/main.tf', 'variable "y" {}\n'));
  assert.equal(other.m, m, 'an edit in an unlinked folder hands the module on');
  assert.equal(trace(other.m, other.attr.expr, other.attr.file), first);
  const edited = attrOf(ws.withFile('a/main.tf', `${ws.file('a/main.tf')!.text}# edit\n`));
  assert.notEqual(edited.m, m);
  const again = trace(edited.m, edited.attr.expr, edited.attr.file);
  assert.notEqual(again, first, 'a rebuilt module traces afresh');
  assert.equal(again?.kind === 'ref' && again.module, edited.m);
});
