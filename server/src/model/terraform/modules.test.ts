import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../syntax/hcl/parser';
import { buildTerraformModel } from './build-model';
import type { ModuleDecl } from './decode-module';
import { evalText, modelOf, rootOf } from './terraform-fixture';
import { refText, toJs } from './value';

// Module structure, local module wiring, variable precedence and var files.

const CHILD = `
variable "subnet_cidr" { type = string }
variable "name" { default = "default-name" }
resource "azurerm_subnet" "s" {
  name             = var.name
  address_prefixes = [var.subnet_cidr]
}
output "subnet_id" { value = azurerm_subnet.s.id }
output "prefixes" { value = azurerm_subnet.s.address_prefixes }
`;

test('decodes resources, data sources, variables, locals, outputs, providers and module calls', () => {
  const m = rootOf({
    'main.tf': `
terraform {
  required_providers {
    azurerm    = { source = "hashicorp/azurerm", version = "~> 3.100" }
    kubernetes = { source = "hashicorp/kubernetes" }
  }
}
provider "azurerm" { features {} }
provider "azurerm" {
  alias = "hub"
  features {}
}
provider "kubernetes" { host = azurerm_kubernetes_cluster.c.kube_config[0].host }
variable "location" { default = "westeurope" }
locals { prefix = "aks" }
data "azurerm_client_config" "current" {}
resource "azurerm_kubernetes_cluster" "c" {
  name     = "\${local.prefix}-c"
  location = var.location
}
module "net" {
  source = "Azure/network/azurerm"
  count  = 2
}
output "id" { value = azurerm_kubernetes_cluster.c.id }`,
  });
  const cluster = m.resource('azurerm_kubernetes_cluster.c')!;
  assert.equal(cluster.type, 'azurerm_kubernetes_cluster');
  assert.equal(cluster.name, 'c');
  assert.equal(cluster.isCollection, false);
  assert.deepEqual(toJs(cluster.attribute('name')!.value), 'aks-c');
  assert.deepEqual(toJs(cluster.attribute('location')!.value), 'westeurope');
  assert.equal(m.dataSources[0].address, 'data.azurerm_client_config.current');
  assert.deepEqual([...m.variables.keys()], ['location']);
  assert.deepEqual([...m.locals.keys()], ['prefix']);
  assert.deepEqual([...m.outputs.keys()], ['id']);
  assert.deepEqual(m.providers.map((p) => [p.name, p.alias]), [['azurerm', undefined], ['azurerm', 'hub'], ['kubernetes', undefined]]);
  assert.equal(m.requiredProviders.get('azurerm')?.version, '~> 3.100');
  assert.equal(m.moduleCalls[0].source, 'Azure/network/azurerm');
  assert.equal(m.moduleCalls[0].child, undefined);
  assert.equal(m.azurermMajorVersion, 3);
  // the label ranges point at the quoted labels
  assert.equal(cluster.typeRange.end - cluster.typeRange.start, '"azurerm_kubernetes_cluster"'.length);
  assert.equal(cluster.nameRange.end - cluster.nameRange.start, '"c"'.length);
  // a registry module's outputs are computed, and say where they come from
  const out = evalText(m, 'module.net[1].vnet_id');
  assert.equal(out.kind === 'unknown' && out.ref && refText(out.ref), 'module.net[1].vnet_id');
});

test('local module calls load the child with its inputs wired to its variables', () => {
  const model = modelOf({
    'main.tf': `
module "aks_net" {
  source      = "./modules/net"
  subnet_cidr = cidrsubnet("10.0.0.0/16", 8, 1)
}
locals {
  id       = module.aks_net.subnet_id
  prefixes = module.aks_net.prefixes
}`,
    'modules/net/main.tf': CHILD,
  });
  const root = model.module('.')!;
  const child = model.module('modules/net')!;
  assert.equal(root.moduleCalls[0].child, child);
  assert.deepEqual(child.callers, [root.moduleCalls[0]]);
  assert.deepEqual(model.roots, [root]);
  assert.deepEqual(toJs(child.variableValue('subnet_cidr')), '10.0.1.0/24');
  assert.deepEqual(toJs(child.variableValue('name')), 'default-name');
  assert.deepEqual(toJs(root.localValue('prefixes')), ['10.0.1.0/24']);
  const id = root.localValue('id');
  assert.equal(id.kind === 'unknown' && id.ref && refText(id.ref), 'azurerm_subnet.s.id');
  assert.equal(child.pathModule, 'modules/net');
  assert.equal(model.resourcesOfType('azurerm_subnet').length, 1);
});

test('a module called twice with different inputs has Unknown inputs; equal inputs stay known', () => {
  const model = modelOf({
    'a/main.tf': 'module "n" {\n  source = "../net"\n  subnet_cidr = "10.0.0.0/24"\n  name = "same"\n}\n',
    'b/main.tf': 'module "n" {\n  source = "../net"\n  subnet_cidr = "10.9.0.0/24"\n  name = "same"\n}\n',
    'net/main.tf': CHILD,
  });
  const child = model.module('net')!;
  assert.equal(child.callers.length, 2);
  assert.equal(child.variableValue('subnet_cidr').kind, 'unknown');
  assert.deepEqual(toJs(child.variableValue('name')), 'same');
});

test('modules that call themselves do not hang', () => {
  const model = modelOf({ 'main.tf': 'variable "x" { default = 1 }\nmodule "me" {\n  source = "./"\n  x = var.x\n}\noutput "o" { value = module.me.o }\n' });
  const root = model.module('.')!;
  assert.equal(root.variableValue('x').kind, 'unknown');
  assert.equal(root.outputValue('o').kind, 'unknown');
});

test('variable precedence: default < terraform.tfvars < .tfvars.json < *.auto.tfvars (lexical) < var files', () => {
  const main = ['a', 'b', 'c', 'd', 'e'].map((n) => `variable "${n}" { default = "default" }`).join('\n') + '\nvariable "n" { type = number }\n';
  const files = {
    'main.tf': main,
    'terraform.tfvars': 'a = "tfvars"\nb = "tfvars"\nc = "tfvars"\nd = "tfvars"\nn = "5"\n',
    'terraform.tfvars.json': '{"b": "json", "c": "json", "d": "json"}',
    'z.auto.tfvars': 'c = "z-auto"\nd = "z-auto"\n',
    'a.auto.tfvars': 'c = "a-auto"\nd = "a-auto"\n',
    'env/prod.tfvars': 'd = "prod"\n',
    'other.tfvars': 'e = "not loaded automatically"\n',
  };
  const m = modelOf(files, { varFiles: ['env/prod.tfvars'] }).module('.')!;
  assert.deepEqual(
    ['a', 'b', 'c', 'd', 'e'].map((n) => toJs(m.variableValue(n))),
    ['tfvars', 'json', 'z-auto', 'prod', 'default'],
  );
  assert.equal(toJs(m.variableValue('n')), 5, 'a number variable converts "5"');
  // a var file outside the input is read through the hook
  const viaHook = modelOf({ 'main.tf': main }, { varFiles: ['x.tfvars'], readFile: (p) => (p === 'x.tfvars' ? 'a = "hook"\n' : undefined) });
  assert.deepEqual(toJs(viaHook.module('.')!.variableValue('a')), 'hook');
  // without default or value a variable is Unknown, not an error
  const v = m.variableValue('n');
  assert.notEqual(v.kind, 'unknown');
  assert.equal(rootOf({ 'main.tf': 'variable "q" {}\n' }).variableValue('q').kind, 'unknown');
});

test('file() and yamldecode(file()) read through the caller-provided hook, relative to the root module', () => {
  const files = {
    'infra/main.tf': 'module "k" {\n  source = "./k8s"\n}\nlocals {\n  raw = file("values.yaml")\n}\n',
    'infra/k8s/main.tf': 'locals {\n  m = yamldecode(file("${path.module}/cm.yaml"))\n}\n',
  };
  const disk: Record<string, string> = { 'infra/values.yaml': 'a: 1\n', 'infra/k8s/cm.yaml': 'kind: ConfigMap\n' };
  const model = modelOf(files, { readFile: (p) => disk[p] });
  assert.deepEqual(toJs(model.module('infra')!.localValue('raw')), 'a: 1\n');
  assert.deepEqual(toJs(model.module('infra/k8s')!.localValue('m')), { kind: 'ConfigMap' });
  const noHook = modelOf(files);
  assert.equal(noHook.module('infra')!.localValue('raw').kind, 'unknown');
});

test('decode results can be cached per folder and reused by a later build', () => {
  const cache = new Map<string, ModuleDecl>();
  const input = (text: string) => new Map([['main.tf', { text, parse: parseHcl(text) }], ['x/main.tf', { text: '', parse: parseHcl('') }]]);
  buildTerraformModel({ files: input('locals {\n  a = 1\n}\n'), decodeCache: cache });
  assert.equal(cache.size, 2);
  const decl = [...cache.values()][0];
  const again = buildTerraformModel({ files: input('locals {\n  a = 1\n}\n'), decodeCache: cache });
  assert.equal(cache.size, 2, 'unchanged folders hit the cache');
  assert.ok([...cache.values()].includes(decl));
  assert.equal(toJs(again.module('.')!.localValue('a')), 1);
  const changed = buildTerraformModel({ files: input('locals {\n  a = 2\n}\n'), decodeCache: cache });
  assert.equal(cache.size, 3, 'a changed folder is decoded again');
  assert.equal(toJs(changed.module('.')!.localValue('a')), 2);
});
