import { parseHcl } from '../../syntax/hcl/parser';
import { buildTerraformModel, type TerraformModelInput } from './build-model';
import type { TerraformModel, TfModule } from './model-types';
import { toJs, type TfValue } from './value';

// Test helper: builds a model from inline files (path -> text). Used by the *.test.ts files of this folder.

export function modelOf(
  files: Record<string, string>,
  options: Omit<TerraformModelInput, 'files'> = {},
): TerraformModel {
  // .json files are not HCL; the model reads their text only
  const map = new Map(Object.entries(files).map(([path, text]) => [path, { text, parse: parseHcl(path.endsWith('.json') ? '' : text) }]));
  return buildTerraformModel({ ...options, files: map });
}

/** The root-folder module of a one-folder fixture. */
export function rootOf(files: Record<string, string>, options: Omit<TerraformModelInput, 'files'> = {}): TfModule {
  const m = modelOf(files, options).module('.');
  if (!m) throw new Error('fixture has no root module');
  return m;
}

/** Evaluates `local.<name>` of the root module and returns plain JS (undefined when anything is unknown). */
export function localJs(module: TfModule, name: string): unknown {
  return toJs(module.localValue(name));
}

/** Evaluates HCL expression text in the module's scope (through a scratch local). */
export function evalText(module: TfModule, text: string): TfValue {
  const parsed = parseHcl(`x = ${text}\n`);
  const item = parsed.file.body.items[0];
  if (item?.kind !== 'Attribute') throw new Error(`not an expression: ${text}`);
  return module.evaluate(item.value, 'scratch.tf');
}
