import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../syntax/hcl/parser';
import { parseKubernetesFile } from './kubernetes/kubernetes-file';
import { buildTerraformModel } from './terraform/build-model';
import type { ModuleDecl } from './terraform/decode-module';
import { Workspace } from './workspace';
import type { WorkspaceServices } from './workspace-services';

/** Real parsers and decoder, with calls counted; `decoded` lists the folders decoded afresh (decode-cache misses). */
function countingServices() {
  const calls = { hcl: 0, k8s: 0, builds: 0, decoded: [] as string[] };
  const services: WorkspaceServices = {
    parseHcl: (t, previous) => (calls.hcl++, parseHcl(t, previous)),
    parseKubernetesFile: (p, t) => (calls.k8s++, parseKubernetesFile(p, t)),
    buildTerraformModel: (input) => {
      calls.builds++;
      const cache = input.decodeCache!;
      const spy = Object.assign(Object.create(cache) as Map<string, ModuleDecl>, {
        get: (k: string) => cache.get(k),
        set: (k: string, v: ModuleDecl) => (calls.decoded.push(v.dir), cache.set(k, v), spy),
      });
      return buildTerraformModel({ ...input, decodeCache: spy });
    },
  };
  return { calls, services };
}

const files = [
  { path: 'main.tf', text: 'module "net" {\n  source = "./modules/net"\n}\n' },
  { path: './modules/net/main.tf', text: 'variable "cidr" {}\n' },
  { path: 'modules/other/main.tf', text: 'variable "x" {}\n' },
  { path: 'terraform.tfvars', text: 'x = 1\n' },
  { path: 'k8s/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' },
];

test('snapshots are immutable; withFile shares unchanged parses and returns the same snapshot for equal text', () => {
  const { calls, services } = countingServices();
  const ws = Workspace.create(files, { services });
  assert.deepEqual(ws.files.map((f) => f.path), ['k8s/cm.yaml', 'main.tf', 'modules/net/main.tf', 'modules/other/main.tf', 'terraform.tfvars']);
  assert.equal(ws.file('modules/net/main.tf')?.kind, 'terraform');
  assert.equal(ws.file('terraform.tfvars')?.kind, 'tfvars');
  ws.hcl('main.tf');
  ws.hcl('main.tf');
  assert.equal(calls.hcl, 1, 'parse memoised per file');
  assert.equal(ws.withFile('main.tf', files[0].text), ws);
  const next = ws.withFile('modules/other/main.tf', 'variable "y" {}\n');
  assert.notEqual(next, ws);
  assert.equal(ws.file('modules/other/main.tf')?.text, 'variable "x" {}\n', 'the old snapshot is unchanged');
  next.hcl('main.tf');
  assert.equal(calls.hcl, 1, 'unchanged file not re-parsed in the derived snapshot');
  assert.notEqual(next.hash, ws.hash);
  assert.equal(next.groupHash(['yaml']), ws.groupHash(['yaml']));
  assert.equal(ws.withoutFile('k8s/cm.yaml').file('k8s/cm.yaml'), undefined);
  assert.equal(ws.hcl('k8s/cm.yaml'), undefined);
  assert.equal(ws.kubernetes('k8s/cm.yaml')?.objects.length, 1);
});

test('an edited Terraform file is parsed from its previous parse: blocks the edit did not touch are the same nodes', () => {
  const text = 'variable "a" {}\n\nvariable "b" {\n  default = 1\n}\n';
  const ws = Workspace.create([{ path: 'main.tf', text }]);
  const before = ws.hcl('main.tf')!.file.body.items;
  const edited = ws.withFile('main.tf', text.replace('default = 1', 'default = 2'));
  const after = edited.withFile('main.tf', text.replace('default = 1', 'default = 3')).hcl('main.tf')!.file.body.items;
  // the middle snapshot was never parsed: the last one parses from the first one's parse
  assert.equal(after[0], before[0]);
  assert.notEqual(after[1], before[1]);
  assert.deepEqual(edited.hcl('main.tf'), parseHcl(text.replace('default = 1', 'default = 2')));
});

test('the Terraform model is rebuilt only for Terraform changes, re-decoding only the changed folder', () => {
  const { calls, services } = countingServices();
  const ws = Workspace.create(files, { services });
  const model = ws.terraform();
  assert.deepEqual(model.modules.map((m) => m.dir), ['.', 'modules/net', 'modules/other']);
  assert.deepEqual(model.module('.')?.moduleCalls.map((c) => c.child?.dir), ['modules/net'], 'local module calls are linked');
  assert.equal(calls.decoded.length, 3);
  assert.equal(ws.terraform(), model, 'memoised per snapshot');
  assert.equal(ws.withFile('k8s/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n').terraform(), model, 'YAML change: same model');
  calls.decoded.length = 0;
  const next = ws.withFile('modules/net/main.tf', 'variable "cidr" {\n  default = "10.0.0.0/8"\n}\n');
  assert.notEqual(next.terraform(), model);
  assert.deepEqual(calls.decoded, ['modules/net'], 'only the changed folder is decoded again');
  assert.equal(next.terraform().module('modules/net')?.variableValue('cidr').kind, 'string');
  assert.equal(calls.builds, 2);
});

test('the K8s index is rebuilt only when YAML changes, and follows the new content', () => {
  const { calls, services } = countingServices();
  const ws = Workspace.create(files, { services });
  assert.equal(ws.k8sIndex().byKindAndName('ConfigMap', 'a').length, 1);
  const tfChange = ws.withFile('main.tf', '# nothing\n');
  assert.equal(tfChange.k8sIndex(), ws.k8sIndex(), 'same index object after a Terraform-only change');
  const yamlChange = ws.withFile('k8s/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
  assert.equal(yamlChange.k8sIndex().byKindAndName('ConfigMap', 'a').length, 0);
  assert.equal(yamlChange.k8sIndex().byKindAndName('ConfigMap', 'b').length, 1);
  assert.equal(ws.k8sIndex().byKindAndName('ConfigMap', 'a').length, 1, 'the older snapshot still answers for its own content');
  assert.equal(calls.k8s, 2);
  // back to the first text in a snapshot derived from the edited one: the cache (last built for `b`) does not hold
  const back = yamlChange.withFile('k8s/cm.yaml', ws.file('k8s/cm.yaml')!.text);
  assert.deepEqual([back.k8sIndex().byKindAndName('ConfigMap', 'a').length, back.k8sIndex().byKindAndName('ConfigMap', 'b').length], [1, 0]);
  const added = back.withFile('k8s/more.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  assert.equal(added.k8sIndex().byKindAndName('ConfigMap', 'c').length, 1, 'a new YAML file joins the index');
});

test('configuration belongs to the snapshot: var files reach the model, problems point at the key', () => {
  const { services } = countingServices();
  const ws = Workspace.create([...files, { path: 'env/prod.tfvars', text: 'x = 2\n' }], {
    services,
    config: { file: '.aks-lint.yaml', text: 'varFiles:\n  - env/prod.tfvars\nrules:\n  hcl-syntax: warn\n' },
  });
  assert.deepEqual(ws.varFiles(), ['env/prod.tfvars']);
  assert.equal(ws.config.problems.length, 1);
  assert.deepEqual({ line: ws.config.problems[0].line, column: ws.config.problems[0].column }, { line: 4, column: 15 });
  assert.match(ws.config.problems[0].message, /"warn" is not one of off, info, warning, error/);
  const none = ws.withConfig(undefined);
  assert.equal(none.config.file, undefined);
  assert.deepEqual(none.varFiles(), []);
  assert.notEqual(none.hash, ws.hash);
});
