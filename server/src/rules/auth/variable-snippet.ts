import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { FileEdit } from '../kit/define-rule';
import { insertBlockAfter, type SourceText } from '../kit/fix';

// Fixes that refer to a new input variable also declare it (after the cluster), unless the module already has it.

export function declareVariable(file: SourceText, module: TfModule, after: TfResource, name: string, description: string): FileEdit[] {
  if (module.variables.has(name)) return [];
  return [insertBlockAfter(file, after.node, `variable "${name}" {\n  description = ${JSON.stringify(description)}\n  type        = string\n}`)];
}

/** `terraform fmt` alignment for a block of `name = value` lines written by a fix. */
export function alignedLines(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([n]) => n.length));
  return pairs.map(([n, v]) => `${n.padEnd(width)} = ${v}`).join('\n');
}
