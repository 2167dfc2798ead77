import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callFunction } from './call-function';
import { fromJs, list, set, str, toJs, unknown, type TfValue } from '../value';

// Expectations recorded with `echo '<call>' | terraform console` (Terraform 1.11.4). The tests never run terraform.
// A case is [function, args (plain JS data; TfValue passed through), expected JS data or { error: substring }].

type Expect = unknown | { error: string };
const E = (error: string) => ({ error });
const arg = (a: unknown): TfValue => (a && typeof a === 'object' && 'kind' in (a as object) ? (a as TfValue) : fromJs(a));

function check(cases: readonly [string, readonly unknown[], Expect][]): void {
  for (const [name, args, expected] of cases) {
    const got = callFunction(name, args.map(arg));
    const label = `${name}(${JSON.stringify(args)})`;
    if (expected && typeof expected === 'object' && 'error' in (expected as object)) {
      assert.equal(got.kind, 'unknown', `${label} should fail`);
      assert.equal(got.kind === 'unknown' && got.error, true, `${label} should be an error`);
      assert.match(got.kind === 'unknown' ? got.reason ?? '' : '', new RegExp(escape((expected as { error: string }).error)), label);
    } else {
      assert.deepEqual(toJs(got), expected, label);
    }
  }
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('cidr functions', () => {
  check([
    ['cidrsubnet', ['10.0.0.0/16', 8, 2], '10.0.2.0/24'],
    ['cidrsubnet', ['10.0.0.0/16', 4, 15], '10.0.240.0/20'],
    ['cidrsubnet', ['10.1.2.3/16', 8, 0], '10.1.0.0/24'],
    ['cidrsubnet', ['010.0.0.0/16', 8, 1], '10.0.1.0/24'],
    ['cidrsubnet', ['10.0.0.0/8', 0, 0], '10.0.0.0/8'],
    ['cidrsubnet', ['10.0.0.0/16', -1, 0], '10.0.0.0/15'],
    ['cidrsubnet', ['fd00:fd12:3456:7890::/56', 8, 162], 'fd00:fd12:3456:78a2::/64'],
    ['cidrsubnet', ['10.0.0.0/16', 20, 2], E('insufficient address space to extend prefix of 16 by 20')],
    ['cidrsubnet', ['10.0.0.0/16', 4, 16], E('prefix extension of 4 does not accommodate a subnet numbered 16')],
    ['cidrsubnet', ['not-a-cidr', 8, 1], E('invalid CIDR expression: invalid CIDR address: not-a-cidr')],
    // terraform answers "0.0.1.0/24" (a big.Int wrap-around); we report an error instead of copying that
    ['cidrsubnet', ['10.0.0.0/16', 8, -1], E('does not accommodate a subnet numbered -1')],
    ['cidrhost', ['10.12.112.0/20', 16], '10.12.112.16'],
    ['cidrhost', ['10.12.112.0/20', 268], '10.12.113.12'],
    ['cidrhost', ['10.12.112.0/20', -1], '10.12.127.255'],
    ['cidrhost', ['10.12.112.0/20', -4096], '10.12.112.0'],
    ['cidrhost', ['10.12.112.0/20', 4096], E('prefix of 20 does not accommodate a host numbered 4096')],
    ['cidrhost', ['10.12.112.0/20', -4097], E('prefix of 20 does not accommodate a host numbered')],
    ['cidrhost', ['fd00:fd12:3456:7890:00a2::/72', 34], 'fd00:fd12:3456:7890::22'],
    ['cidrnetmask', ['172.16.0.0/12'], '255.240.0.0'],
    ['cidrnetmask', ['10.0.0.0/32'], '255.255.255.255'],
    ['cidrnetmask', ['fd00::/8'], E('IPv6 addresses cannot have a netmask: fd00::/8')],
    ['cidrsubnets', ['10.1.0.0/16', 4, 4, 8, 4], ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
    ['cidrsubnets', ['10.1.0.0/16', 8, 4], ['10.1.0.0/24', '10.1.16.0/20']],
    ['cidrsubnets', ['10.1.0.0/16'], []],
    ['cidrsubnets', ['fd00:fd12:3456:7890::/56', 16, 16, 16, 32],
      ['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88']],
    ['cidrsubnets', ['10.1.0.0/16', 17], E('would extend prefix to 33 bits, which is too long for an IPv4 address')],
  ]);
});

test('format', () => {
  check([
    ['format', ['Hello, %s!', 'Ander'], 'Hello, Ander!'],
    ['format', ['There are %d lights', 4], 'There are 4 lights'],
    ['format', ['%v %v %v', 'a', 1, true], 'a 1 true'],
    ['format', ['%5.2f|%-5s|%05d', 3.14159, 'ab', 42], ' 3.14|ab   |00042'],
    ['format', ['%%|%q|%x|%X|%o|%b|%e', 'hi', 255, 255, 8, 5, 1234.5], '%|"hi"|ff|FF|10|101|1.234500e+03'],
    ['format', ['%s', 1.5], '1.5'],
    ['format', ['%[2]s %[1]s', 'a', 'b'], 'b a'],
    ['format', ['%t', true], 'true'],
    ['format', ['%v', [1, 2]], '[1,2]'],
    ['format', ['%#v', { a: 1 }], '{"a":1}'],
    ['format', ['%d', 1.5], E('unsupported value for "%d" at 0: an integer is required')],
    ['format', ['%s'], E('not enough arguments for "%s" at 0: need index 1 but have 0 total')],
    ['formatlist', ['%s-%s', ['a', 'b'], 'x'], ['a-x', 'b-x']],
  ]);
});

test('string functions', () => {
  check([
    ['lower', ['HELLO Ä'], 'hello ä'],
    ['upper', ['hello ä'], 'HELLO Ä'],
    ['title', ['hello world'], 'Hello World'],
    ['strrev', ['abc'], 'cba'],
    ['chomp', ['a\n\n'], 'a'],
    ['indent', [2, 'a\nb'], 'a\n  b'],
    ['join', [', ', ['foo', 'bar', 'baz']], 'foo, bar, baz'],
    ['join', [', ', []], ''],
    ['join', ['-', ['a'], ['b', 'c']], 'a-b-c'],
    ['split', [',', 'foo,bar,baz'], ['foo', 'bar', 'baz']],
    ['split', [',', ''], ['']],
    ['split', ['', 'abc'], ['a', 'b', 'c']],
    ['replace', ['1 + 2 + 3', '+', '-'], '1 - 2 - 3'],
    ['replace', ['hello world', '/w.*d/', 'everybody'], 'hello everybody'],
    ['replace', ['hello world', '/(h)(e)/', '$2$1'], 'ehllo world'],
    ['replace', ['hello world', '/o/', '0'], 'hell0 w0rld'],
    ['replace', ['abc', '', '-'], '-a-b-c-'],
    ['substr', ['hello world', 1, 4], 'ello'],
    ['substr', ['🤔🤷', 0, 1], '🤔'],
    ['substr', ['hello world', -5, -1], 'world'],
    ['substr', ['hello', 10, 2], ''],
    ['substr', ['hello', -10, 2], 'he'],
    ['substr', ['hello', 1, 100], 'ello'],
    ['substr', ['hello', 2, -1], 'llo'],
    ['trimspace', ['  hello\n\n'], 'hello'],
    ['trim', ['?!hello?!', '!?'], 'hello'],
    ['trimprefix', ['helloworld', 'hello'], 'world'],
    ['trimprefix', ['helloworld', 'xyz'], 'helloworld'],
    ['trimsuffix', ['helloworld', 'world'], 'hello'],
    ['startswith', ['hello world', 'hello'], true],
    ['startswith', ['hello world', 'world'], false],
    ['endswith', ['hello world', 'world'], true],
    ['strcontains', ['hello', 'ell'], true],
    ['regex', ['[a-z]+', '53453453.345345aaabbbccc23454'], 'aaabbbccc'],
    ['regex', ['(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)', '2019-02-01'], ['2019', '02', '01']],
    ['regex', ['^(?P<user>[^@]+)@(?P<domain>.+)$', 'ander@example.com'], { domain: 'example.com', user: 'ander' }],
    ['regex', ['[a-z]+', '123'], E('pattern did not match any part of the given string')],
    ['urlencode', ['a b&c'], 'a+b%26c'],
    ['parseint', ['ff', 16], 255],
  ]);
});

test('collection functions', () => {
  check([
    ['concat', [['a', ''], ['b', 'c']], ['a', '', 'b', 'c']],
    ['merge', [{ a: 'b', c: 'd' }, { e: 'f', c: 'z' }], { a: 'b', c: 'z', e: 'f' }],
    ['merge', [{ a: 1 }, { b: 'x' }], { a: 1, b: 'x' }],
    ['merge', [], {}],
    ['merge', [{ a: 1 }, null], { a: 1 }],
    ['lookup', [{ a: 'ay', b: 'bee' }, 'a', 'what?'], 'ay'],
    ['lookup', [{ a: 'ay', b: 'bee' }, 'c', 'what?'], 'what?'],
    ['lookup', [{ a: 'ay' }, 'c'], E('has no attribute "c"')],
    ['length', [[]], 0],
    ['length', [['a', 'b']], 2],
    ['length', [{ a: 'b' }], 1],
    ['length', ['hello'], 5],
    ['length', ['héllo👍'], 6],
    ['element', [['a', 'b', 'c'], 1], 'b'],
    ['element', [['a', 'b', 'c'], 3], 'a'],
    ['element', [[], 0], E('cannot use element function with an empty list')],
    ['coalesce', ['a', 'b'], 'a'],
    ['coalesce', ['', 'b'], 'b'],
    ['coalesce', [1, 2], 1],
    ['coalesce', [null, '', 3], '3'],
    ['coalesce', [1, 'a'], '1'],
    ['coalesce', ['', null], E('no non-null, non-empty-string arguments')],
    ['coalescelist', [['a', 'b'], ['c', 'd']], ['a', 'b']],
    ['coalescelist', [[], ['c', 'd']], ['c', 'd']],
    ['coalescelist', [[], []], E('no non-null arguments')],
    ['compact', [['a', '', 'b', null, 'c']], ['a', 'b', 'c']],
    ['contains', [['a', 'b', 'c'], 'a'], true],
    ['contains', [['a', 'b', 'c'], 'd'], false],
    ['contains', [[1, 2], '1'], false],
    ['index', [['a', 'b', 'c'], 'b'], 1],
    ['index', [['a', 'b', 'c'], 'z'], E('item not found')],
    ['keys', [{ b: 1, a: 2 }], ['a', 'b']],
    ['values', [{ b: 1, a: 2 }], [2, 1]],
    ['values', [{ a: 3, c: 2, d: 1 }], [3, 2, 1]],
    ['flatten', [[['a', 'b'], [], ['c']]], ['a', 'b', 'c']],
    ['flatten', [[[['a', 'b'], []], ['c']]], ['a', 'b', 'c']],
    ['flatten', [[1, [2, [3]]]], [1, 2, 3]],
    ['distinct', [['a', 'b', 'a', 'c', 'd', 'b']], ['a', 'b', 'c', 'd']],
    ['distinct', [[1, '1']], ['1']],
    ['zipmap', [['a', 'b'], [1, 2]], { a: 1, b: 2 }],
    ['zipmap', [[], []], {}],
    ['zipmap', [['a', 'b'], [1]], E('number of keys (2) does not match number of values (1)')],
    ['one', [[]], null],
    ['one', [['hello']], 'hello'],
    ['one', [set([str('x')])], 'x'],
    ['one', [['hello', 'goodbye']], E('either zero or one elements')],
    ['one', [null], E('argument must not be null')],
    ['slice', [['a', 'b', 'c', 'd'], 1, 3], ['b', 'c']],
    ['slice', [['a', 'b'], 1, 3], E('end index must not be greater than the length of the list')],
    ['slice', [['a', 'b'], 2, 1], E('start index must not be greater than end index')],
    ['reverse', [[1, 2, 3]], [3, 2, 1]],
    ['sort', [['e', 'd', 'a', 'x']], ['a', 'd', 'e', 'x']],
    ['sort', [['10', '9', '1']], ['1', '10', '9']],
    ['sort', [[3, 1]], ['1', '3']],
    ['range', [3], [0, 1, 2]],
    ['range', [1, 4], [1, 2, 3]],
    ['range', [1, 8, 2], [1, 3, 5, 7]],
    ['range', [4, 1], [4, 3, 2]],
    ['range', [0, 1, 0.25], [0, 0.25, 0.5, 0.75]],
    ['range', [1, 4, -1], E('end must be less than start when step is negative')],
    ['setunion', [['a'], ['b', 'a']], ['a', 'b']],
    ['setintersection', [['a', 'b'], ['b']], ['b']],
    ['setsubtract', [['a', 'b'], ['b']], ['a']],
    ['alltrue', [[true, 'true']], true],
    ['anytrue', [[false]], false],
    ['chunklist', [['a', 'b', 'c'], 2], [['a', 'b'], ['c']]],
    ['concat', [], E('Not enough function arguments')],
  ]);
});

test('numeric functions', () => {
  check([
    ['abs', [23], 23],
    ['abs', [-12.4], 12.4],
    ['ceil', [5.1], 6],
    ['ceil', [-5.1], -5],
    ['floor', [4.9], 4],
    ['floor', [-4.9], -5],
    ['min', [12, 54, 3], 3],
    ['max', [12, 54, 3], 54],
    ['min', [], E('must pass at least one number')],
    ['pow', [2, 10], 1024],
    ['signum', [-3], -1],
    ['log', [8, 2], 3],
    ['sum', [[1, 2.5]], 3.5],
  ]);
});

test('encoding functions', () => {
  check([
    ['jsonencode', [{ hello: 'world' }], '{"hello":"world"}'],
    ['jsonencode', [{ b: 1, a: [true, null, 'x'], c: {} }], '{"a":[true,null,"x"],"b":1,"c":{}}'],
    ['jsonencode', ['a<b>&'], '"a\\u003cb\\u003e\\u0026"'],
    ['jsonencode', [1.5], '1.5'],
    ['jsonencode', [[]], '[]'],
    ['jsondecode', ['{"hello": "world"}'], { hello: 'world' }],
    ['jsondecode', ['true'], true],
    ['jsondecode', ['[1, "a", null]'], [1, 'a', null]],
    ['jsondecode', ['1e3'], 1000],
    ['jsondecode', ['{'], E('Call to function "jsondecode" failed')],
    ['yamldecode', ['hello: world'], { hello: 'world' }],
    ['yamldecode', ['true'], true],
    ['yamldecode', ['{a: 1, b: [1, 2]}'], { a: 1, b: [1, 2] }],
    ['yamldecode', ['- a\n- 1\n- true\n- null\n- 1.5'], ['a', 1, true, null, 1.5]],
    // terraform reads `c: 010` as 10; YAML 1.1 (and we) read it as octal 8, so c is left out here
    ['yamldecode', ["a: 'yes'\nb: yes\nd: 0x1F\ne: ~"], { a: 'yes', b: true, d: 31, e: null }],
    ['yamldecode', [''], E('missing start of document')],
    ['yamldecode', ['a: b\n---\nc: d'], E('unexpected extra content after value')],
    ['yamldecode', ['a: ['], E('Call to function "yamldecode" failed')],
    ['base64encode', ['Hello World'], 'SGVsbG8gV29ybGQ='],
    ['base64encode', ['héllo'], 'aMOpbGxv'],
    ['base64decode', ['SGVsbG8gV29ybGQ='], 'Hello World'],
    ['base64decode', ['not base64!'], E('failed to decode base64 data "not base64!"')],
  ]);
});

test('type conversion, try and can', () => {
  const bad = callFunction('tonumber', [str('x')]);
  check([
    ['tostring', ['hello'], 'hello'],
    ['tostring', [1], '1'],
    ['tostring', [true], 'true'],
    ['tostring', [null], null],
    ['tostring', [[]], E('cannot convert tuple to string')],
    ['tonumber', ['1'], 1],
    ['tonumber', ['1.50'], 1.5],
    ['tonumber', [null], null],
    ['tonumber', ['0x10'], E('cannot convert "0x10" to number; given string must be a decimal representation of a number')],
    ['tonumber', ['nope'], E('cannot convert "nope" to number')],
    ['tonumber', [true], E('cannot convert bool to number')],
    ['tolist', [['a', 'b', 3]], ['a', 'b', '3']],
    ['tolist', [['a', 1, true]], ['a', '1', 'true']],
    ['tolist', [[{ a: 1 }, 'x']], E('cannot convert tuple to list of any single type')],
    ['toset', [['c', 'b', 'b']], ['b', 'c']],
    ['toset', [[3, 1, 2, 1]], [1, 2, 3]],
    ['toset', [['b', 'a', 1]], ['1', 'a', 'b']],
    ['tomap', [{ a: 1, b: 2 }], { a: 1, b: 2 }],
    ['tomap', [{ a: 1, b: 'x' }], { a: '1', b: 'x' }],
    ['tomap', [{ a: 1, b: [1] }], E('cannot convert object to map of any single type')],
    ['try', [bad, 5], 5],
    ['try', [bad], E('no expression succeeded')],
    ['can', [bad], false],
    ['can', [callFunction('tonumber', [str('5')])], true],
  ]);
});

test('Unknown propagates; partial collections keep their known parts; impure functions are Unknown', () => {
  const u = unknown('computed');
  assert.equal(callFunction('lower', [u]).kind, 'unknown');
  assert.equal(callFunction('join', [str(','), list([str('a'), u])]).kind, 'unknown');
  assert.deepEqual(toJs(callFunction('length', [list([u, str('a')])])), 2);
  const c = callFunction('concat', [list([u]), list([str('b')])]);
  assert.equal(c.kind === 'list' && c.items[1].kind === 'string', true);
  assert.equal(callFunction('element', [list([u, str('a')]), fromJs(1)]).kind, 'string');
  assert.equal(callFunction('try', [u, str('x')]).kind, 'unknown');
  assert.equal(callFunction('can', [u]).kind, 'unknown');
  assert.equal(callFunction('timestamp', []).kind, 'unknown');
  assert.equal(callFunction('uuid', []).kind, 'unknown');
  assert.equal(callFunction('no_such_function', []).kind, 'unknown');
  // an error inside an argument propagates as an error, not as a plain Unknown
  const failed = callFunction('upper', [callFunction('tonumber', [str('x')])]);
  assert.equal(failed.kind === 'unknown' && failed.error, true);
});

test('file() reads only through the caller-provided hook', () => {
  assert.equal(callFunction('file', [str('a.yaml')]).kind, 'unknown');
  const read = callFunction('file', [str('a.yaml')], { readFile: (p) => (p === 'a.yaml' ? 'x: 1' : undefined) });
  assert.deepEqual(toJs(read), 'x: 1');
  assert.equal(callFunction('file', [str('b.yaml')], { readFile: () => undefined }).kind, 'unknown');
});
