import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl } from '../../server/src/syntax/hcl/parser';
import { parseKubernetesFile } from '../../server/src/model/kubernetes/kubernetes-file';
import { generateKubernetesYaml, generateTerraform } from './generated-workspace';

// The benchmarks' generated files must be what they claim: the asked-for number of lines, and free of syntax errors
// (a broken file would measure error recovery on every edit instead of analysis).

test('generated Terraform has exactly the asked-for lines and parses clean', () => {
  for (const [lines, seed] of [[5000, 0], [52, 7], [60, 1]]) {
    const text = generateTerraform(lines, seed);
    assert.equal(text.split('\n').length - 1, lines);
    assert.deepEqual(parseHcl(text).diagnostics, [], `${lines} lines, seed ${seed}`);
  }
});

test('generated Kubernetes YAML parses clean into objects', () => {
  const file = parseKubernetesFile('apps.yaml', generateKubernetesYaml(5000));
  assert.deepEqual(file.diagnostics, []);
  assert.ok(file.objects.length > 300);
});
