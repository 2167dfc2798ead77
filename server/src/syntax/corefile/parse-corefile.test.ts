import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allDirectives } from './corefile-ast';
import { parseCorefile } from './parse-corefile';

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

test('server blocks, keys, directives, args, nested blocks and imports', () => {
  const text = [
    '# default',
    '.:53 {',
    '    errors',
    '    health {',
    '      lameduck 5s',
    '    }',
    '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
    '      pods insecure',
    '    }',
    '    forward . /etc/resolv.conf',
    '    import custom/*.override',
    '}',
    'dns://example.org:1053 tls://[::1]:853 {',
    '    whoami',
    '}',
    'import custom/*.server',
    '',
  ].join('\n');
  const { corefile, diagnostics } = parseCorefile(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(corefile.serverBlocks.length, 2);
  const [main, other] = corefile.serverBlocks;
  assert.deepEqual(main.keys.map((k) => [k.zone, k.port, k.scheme]), [['.', '53', undefined]]);
  assert.deepEqual(other.keys.map((k) => [k.zone, k.port, k.scheme]), [['example.org', '1053', 'dns'], ['::1', '853', 'tls']]);
  assert.deepEqual(main.directives.map((d) => d.name), ['errors', 'health', 'kubernetes', 'forward', 'import']);
  const k8s = main.directives[2];
  assert.deepEqual(k8s.args.map((a) => a.value), ['cluster.local', 'in-addr.arpa', 'ip6.arpa']);
  assert.deepEqual(k8s.block!.directives.map((d) => [d.name, d.args.map((a) => a.value)]), [['pods', ['insecure']]]);
  assert.equal(slice(text, k8s.range), 'kubernetes cluster.local in-addr.arpa ip6.arpa {\n      pods insecure\n    }');
  assert.equal(slice(text, main.block!.close!), '}');
  assert.deepEqual(corefile.directives.map((d) => [d.name, d.args[0].value]), [['import', 'custom/*.server']]);
  assert.deepEqual(corefile.comments.map((c) => slice(text, c.range)), ['# default']);
  assert.deepEqual([...allDirectives(corefile)].map((x) => `${x.depth}:${x.directive.name}`), [
    '0:import', '0:errors', '0:health', '1:lameduck', '0:kubernetes', '1:pods', '0:forward', '0:import', '0:whoami',
  ]);
});

test('quoted strings, escapes, env placeholders, snippets and comments inside words', () => {
  const text = '(common) {\n  log\n}\n{$ZONE}:53 {\n  import common\n  template IN A x {\n    answer "{{ .Name }} 60 IN A \\"q\\""\n  }\n  hosts#comment\n}\n';
  const { corefile, diagnostics } = parseCorefile(text);
  assert.deepEqual(diagnostics, []);
  const [snippet, server] = corefile.serverBlocks;
  assert.equal(snippet.isSnippet, true);
  assert.equal(server.keys[0].token.hasEnv, true);
  assert.equal(server.keys[0].port, '53');
  const answer = server.directives[1].block!.directives[0];
  assert.equal(answer.args[0].kind, 'string');
  assert.equal(answer.args[0].value, '{{ .Name }} 60 IN A "q"');
  assert.equal(slice(text, answer.args[0].range), answer.args[0].raw);
  assert.equal(server.directives[2].name, 'hosts');
  assert.deepEqual(corefile.comments.map((c) => c.text), ['comment']);
});

test('override content is parsed as plugin lines', () => {
  const text = 'hosts {\n  10.0.0.1 example1.org\n  fallthrough\n}\nlog\nforward corp.contoso.com 10.10.0.4\n';
  const { corefile, diagnostics } = parseCorefile(text, 'directives');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(corefile.serverBlocks, []);
  assert.deepEqual(corefile.directives.map((d) => d.name), ['hosts', 'log', 'forward']);
  assert.deepEqual(corefile.directives[0].block!.directives.map((d) => d.name), ['10.0.0.1', 'fallthrough']);
});

test('unbalanced braces give diagnostics with ranges, and parsing continues', () => {
  const missing = 'example.org {\n  hosts {\n    fallthrough\n}\n';
  const r1 = parseCorefile(missing);
  assert.equal(r1.diagnostics.length, 1);
  assert.match(r1.diagnostics[0].message, /Missing '\}'/);
  assert.equal(slice(missing, r1.diagnostics[0].related![0].range), '{');
  assert.equal(r1.diagnostics[0].range.start, missing.indexOf('{'));

  const extra = 'log\n}\nerrors\n';
  const r2 = parseCorefile(extra, 'directives');
  assert.equal(r2.diagnostics.length, 1);
  assert.equal(slice(extra, r2.diagnostics[0].range), '}');
  assert.deepEqual(r2.corefile.directives.map((d) => d.name), ['log', 'errors']);

  const quote = 'log "open\n';
  assert.match(parseCorefile(quote, 'directives').diagnostics[0].message, /Unterminated/);
});

test('a brace-less single server block is accepted; a second one is not', () => {
  const ok = parseCorefile('example.org\nwhoami\nlog\n');
  assert.deepEqual(ok.diagnostics, []);
  assert.deepEqual(ok.corefile.serverBlocks[0].directives.map((d) => d.name), ['whoami', 'log']);
  const bad = parseCorefile('a.org {\n  log\n}\nb.org\nwhoami\n');
  assert.equal(bad.diagnostics.length, 1);
  assert.match(bad.diagnostics[0].message, /Expected '\{'/);
});

test('never throws and keeps ranges inside the text for every prefix', () => {
  const text = '.:53 {\n  template ANY ANY x {\n    match "^(?:[^.]+\\.){4,}x\\.$"\n  }\n  {$ENV}\n}\n# c\n';
  for (let i = 0; i <= text.length; i++) {
    const { corefile, diagnostics } = parseCorefile(text.slice(0, i));
    for (const t of corefile.tokens) assert.ok(t.range.end <= i);
    for (const d of diagnostics) assert.ok(d.range.start >= 0 && d.range.end <= i);
  }
});
