import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evalText, localJs, rootOf } from './terraform-fixture';
import { refText, toJs, type TfValue } from './value';

// Expression evaluation. Expected values for plain expressions were recorded with `terraform console` (1.11.4).

const empty = rootOf({ 'main.tf': '' });
const js = (text: string) => toJs(evalText(empty, text));
const isError = (v: TfValue) => v.kind === 'unknown' && v.error === true;

test('literals, operators, conditionals (recorded with terraform console)', () => {
  assert.equal(js('"${1.0}"'), 1);
  assert.equal(js('1/3'), 1 / 3);
  assert.equal(js('10 % 3'), 1);
  assert.equal(js('-7 % 3'), -1);
  assert.equal(js('1 + "2"'), 3);
  assert.equal(js('"a" == "a"'), true);
  assert.equal(js('1 == "1"'), false);
  assert.equal(js('[1] == [1]'), true);
  assert.equal(js('null == null'), true);
  assert.equal(js('true && false'), false);
  assert.equal(js('5 > 3.5'), true);
  assert.equal(js('true ? "a" : "b"'), 'a');
  assert.equal(js('true ? 1 : "b"'), '1');
  assert.equal(js('floor(7/2)'), 3);
  assert.equal(js('{a = 1}["a"]'), 1);
  assert.equal(js('tolist(toset(["b", "a"]))[0]'), 'a');
  assert.ok(isError(evalText(empty, '"a" + 1')));
  assert.ok(isError(evalText(empty, '[1, 2][5]')));
});

test('templates, for expressions and splats (recorded with terraform console)', () => {
  assert.equal(js('"%{ for x in ["a","b"] }${x},%{ endfor }"'), 'a,b,');
  assert.equal(js('"%{ if true }yes%{ else }no%{ endif }"'), 'yes');
  assert.deepEqual(js('[for s in ["a", "b"] : upper(s)]'), ['A', 'B']);
  assert.deepEqual(js('{for k, v in {a = 1, b = 2} : v => k}'), { 1: 'a', 2: 'b' });
  assert.deepEqual(js('[for i, v in ["a", "b", "c"] : "${i}=${v}" if i != 1]'), ['0=a', '2=c']);
  assert.deepEqual(js('{for s in ["a", "b", "a"] : s => s...}'), { a: ['a', 'a'], b: ['b'] });
  assert.deepEqual(js('[{a = 1}, {a = 2}][*].a'), [1, 2]);
  assert.deepEqual(js('{a = 1}[*]'), [{ a: 1 }]);
  assert.deepEqual(js('"x"[*]'), ['x']);
  assert.deepEqual(js('null[*]'), []);
  assert.deepEqual(js('[[1,2],[3]][*][0]'), [1, 3]);
  assert.equal(js('"a ${"b"} ~${~ " c " ~}~ d"'), 'a b ~ c ~ d');
  assert.equal(js('"x ${~ "y" } z"'), 'xy z');
  assert.equal(js('<<-EOT\n    hello\n      world\n    EOT'), 'hello\n  world\n');
});

test('variables, locals and functions together', () => {
  const m = rootOf({
    'main.tf': `
variable "vnet_cidr" { default = "10.1.0.0/16" }
variable "env" {
  type    = string
  default = "Dev"
}
locals {
  name    = lower(format("aks-%s", var.env))
  subnets = { for i, n in ["system", "user"] : n => cidrsubnet(var.vnet_cidr, 8, i) }
  dns_ip  = cidrhost(local.subnets.system, 10)
  tags    = merge({ env = var.env }, { owner = "team" })
}`,
  });
  assert.equal(localJs(m, 'name'), 'aks-dev');
  assert.deepEqual(localJs(m, 'subnets'), { system: '10.1.0.0/24', user: '10.1.1.0/24' });
  assert.equal(localJs(m, 'dns_ip'), '10.1.0.10');
  assert.deepEqual(localJs(m, 'tags'), { env: 'Dev', owner: 'team' });
  // the value remembers where it was written
  const v = m.localValue('dns_ip');
  assert.equal(v.origin?.file, 'main.tf');
});

test('Unknown propagates, collections keep their known elements', () => {
  const m = rootOf({
    'main.tf': `
resource "azurerm_user_assigned_identity" "kubelet" { name = "kubelet" }
locals {
  ids     = [azurerm_user_assigned_identity.kubelet.principal_id, "fixed"]
  joined  = join(",", local.ids)
  count   = length(local.ids)
  stamped = "\${timestamp()}-x"
  cond    = azurerm_user_assigned_identity.kubelet.id == "" ? "a" : "b"
}`,
  });
  const ids = m.localValue('ids');
  assert.equal(ids.kind, 'list');
  if (ids.kind === 'list') {
    assert.equal(ids.items[0].kind, 'unknown');
    assert.deepEqual(toJs(ids.items[1]), 'fixed');
  }
  assert.equal(m.localValue('joined').kind, 'unknown');
  assert.equal(localJs(m, 'count'), 2);
  assert.equal(m.localValue('stamped').kind, 'unknown');
  assert.equal(m.localValue('cond').kind, 'unknown');
});

test('local cycles become Unknown, never a hang or a throw', () => {
  const m = rootOf({
    'main.tf': `
locals {
  a = local.b
  b = "\${local.a}-x"
  c = local.c
  d = "ok"
}
resource "t" "x" { v = t.y.v }
resource "t" "y" { v = t.x.v }`,
  });
  assert.equal(m.localValue('a').kind, 'unknown');
  assert.equal(m.localValue('b').kind, 'unknown');
  assert.equal(m.localValue('c').kind, 'unknown');
  assert.equal(localJs(m, 'd'), 'ok');
  assert.equal(evalText(m, 't.x.v').kind, 'unknown');
});

test('count.index, each.*, self and undeclared names', () => {
  const m = rootOf({ 'main.tf': 'variable "x" {}\n' });
  for (const t of ['count.index', 'each.key', 'each.value', 'self.id', 'path.cwd', 'terraform.workspace', 'var.x']) {
    const v = evalText(m, t);
    assert.equal(v.kind, 'unknown', t);
    assert.ok(!isError(v), `${t} is unknown, not an error`);
  }
  assert.equal(js('path.module'), '.');
  for (const t of ['var.nope', 'local.nope', 'module.nope.x', 'azurerm_nope.n.id', 'data.azurerm_nope.n.id', 'count.nope']) {
    assert.ok(isError(evalText(m, t)), t);
  }
});

test('references to computed attributes say what they point at', () => {
  const m = rootOf({
    'main.tf': `
resource "azurerm_kubernetes_cluster" "c" {
  name = "aks"
  default_node_pool {
    name  = "system"
    zones = ["1", "2", "3"]
  }
}`,
  });
  const v = evalText(m, 'azurerm_kubernetes_cluster.c.kubelet_identity[0].object_id');
  assert.equal(v.kind, 'unknown');
  assert.equal(v.kind === 'unknown' && v.ref && refText(v.ref), 'azurerm_kubernetes_cluster.c.kubelet_identity[0].object_id');
  assert.deepEqual(toJs(evalText(m, 'azurerm_kubernetes_cluster.c.default_node_pool[0].zones')), ['1', '2', '3']);
  assert.deepEqual(toJs(evalText(m, 'azurerm_kubernetes_cluster.c.default_node_pool.0.name')), 'system');
  assert.deepEqual(toJs(evalText(m, 'azurerm_kubernetes_cluster.c.name')), 'aks');
});

test('templatefile() renders through the file hook (recorded with terraform console)', () => {
  // directive strip markers (`%{ for ~}`) are left out: the AST contract does not carry them yet
  const tpl = 'Hello ${name}!\n%{ for ip in addrs }server ${ip}\n%{ endfor }';
  const m = rootOf(
    {
      'main.tf': `locals {
  ok      = templatefile("t.tpl", { name = "aks", addrs = ["10.0.0.1", "10.0.0.2"] })
  missing = templatefile("t.tpl", { name = "aks" })
  nofile  = templatefile("none.tpl", {})
}
variable "v" { default = "x" }`,
    },
    { readFile: (p) => (p === 't.tpl' ? tpl : p === 'leak.tpl' ? '${var.v}' : undefined) },
  );
  assert.equal(localJs(m, 'ok'), 'Hello aks!\nserver 10.0.0.1\nserver 10.0.0.2\n');
  assert.ok(isError(m.localValue('missing')), 'a variable the template needs but is not given is an error');
  assert.equal(m.localValue('nofile').kind, 'unknown');
  assert.ok(isError(evalText(m, 'templatefile("leak.tpl", {})')), 'templates cannot see var.*');
});
