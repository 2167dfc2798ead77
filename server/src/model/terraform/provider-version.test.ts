import { test } from 'node:test';
import assert from 'node:assert/strict';
import { majorOfConstraint, majorOfVersion } from './provider-version';
import { modelOf, rootOf } from './terraform-fixture';

// azurerm major version detection (aks-rules.md 1.4): lock file first, then the constraint, else undefined.

const LOCK = (v: string) => `
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "${v}"
  constraints = ">= 3.0.0"
  hashes      = ["h1:abc="]
}
provider "registry.terraform.io/hashicorp/kubernetes" {
  version = "2.31.0"
}`;
const REQUIRED = (c: string) => `terraform {\n  required_providers {\n    azurerm = {\n      source  = "hashicorp/azurerm"\n      version = "${c}"\n    }\n  }\n}\n`;

test('constraint parsing admits a major only when the constraint pins one', () => {
  const cases: [string, number | undefined][] = [
    ['~> 4.0', 4],
    ['~> 3.117.1', 3],
    ['~> 3', 3],
    ['= 3.117.1', 3],
    ['4.57.0', 4],
    ['>= 3.0, < 4.0', 3],
    ['>= 3.90.0, < 4.0.0', 3],
    ['>= 4.1, <= 4.9', 4],
    ['>= 3.0', undefined],
    ['>= 3.0, < 5.0', undefined],
    ['< 4.0', undefined],
    ['> 3.99, < 4.1', undefined],
    ['', undefined],
    ['nonsense', undefined],
  ];
  for (const [c, major] of cases) assert.equal(majorOfConstraint(c), major, c);
  assert.equal(majorOfVersion('4.57.0'), 4);
  assert.equal(majorOfVersion('v3.1.0'), 3);
  assert.equal(majorOfVersion('x'), undefined);
});

test('the lock file wins over the constraint; the constraint is next; else undefined', () => {
  assert.equal(rootOf({ 'main.tf': REQUIRED('~> 3.0'), '.terraform.lock.hcl': LOCK('4.57.0') }).azurermMajorVersion, 4);
  assert.equal(rootOf({ 'main.tf': REQUIRED('~> 3.0') }).azurermMajorVersion, 3);
  assert.equal(rootOf({ 'main.tf': REQUIRED('>= 3.0') }).azurermMajorVersion, undefined);
  assert.equal(rootOf({ 'main.tf': 'terraform {\n  required_providers {\n    azurerm = "~> 2.46"\n  }\n}\n' }).azurermMajorVersion, 2);
  assert.equal(rootOf({ 'main.tf': 'resource "azurerm_resource_group" "rg" {}\n' }).azurermMajorVersion, undefined);
  const locked = rootOf({ 'main.tf': '', '.terraform.lock.hcl': LOCK('3.117.1') });
  assert.equal(locked.lockedProviders.get('registry.terraform.io/hashicorp/azurerm')?.version, '3.117.1');
  assert.equal(locked.lockedProviders.get('registry.terraform.io/hashicorp/kubernetes')?.version, '2.31.0');
});

test('a child module without its own lock file uses its root caller\'s', () => {
  const model = modelOf({
    'main.tf': 'module "aks" {\n  source = "./modules/aks"\n}\n',
    '.terraform.lock.hcl': LOCK('4.10.0'),
    'modules/aks/main.tf': REQUIRED('>= 3.0'),
    'standalone/main.tf': REQUIRED('>= 3.0'),
  });
  assert.equal(model.module('modules/aks')!.azurermMajorVersion, 4);
  assert.equal(model.module('standalone')!.azurermMajorVersion, undefined);
});
