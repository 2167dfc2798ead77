import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFixture } from '../kit/rule-tester';
import { applyEdits } from '../../text/text-edit';
import { rule } from './coredns-custom-name-and-shape';
import { parsedConfigMap } from './cdns-helpers.test';

// The restructure fix on inputs the fixture format cannot express (CRLF) and on several misplaced groups at once.

test('CRLF documents keep CRLF line endings through the restructure fix', () => {
  const src = ['apiVersion: v1', 'kind: ConfigMap', 'name: coredns-custom', 'namespace: kube-system', 'log.override: |', '  log', ''].join('\r\n');
  const [finding] = lintFixture(rule, new Map([['cm.yaml', src]]));
  assert.equal(finding?.messageId, 'missingStructure');
  const fixed = applyEdits(src, finding.fixes![0].edits)!;
  assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
  assert.deepEqual(parsedConfigMap(fixed), { name: 'coredns-custom', namespace: 'kube-system', data: { 'log.override': 'log\n' } });
});

test('labels and data keys move under fresh metadata: and data: headers; comment lines stay', () => {
  const src = 'apiVersion: v1\nkind: ConfigMap\nname: coredns-custom\n# keep me\nlabels:\n  team: dns\nnamespace: kube-system\na.override: log\nb.server: |\n  b.local:53 {\n      forward . 10.0.0.1\n  }\n';
  const [finding] = lintFixture(rule, new Map([['cm.yaml', src]]));
  const fixed = applyEdits(src, finding.fixes![0].edits)!;
  assert.ok(fixed.includes('# keep me\n'));
  assert.deepEqual(parsedConfigMap(fixed), {
    name: 'coredns-custom',
    namespace: 'kube-system',
    data: { 'a.override': 'log', 'b.server': 'b.local:53 {\n    forward . 10.0.0.1\n}\n' },
  });
});
