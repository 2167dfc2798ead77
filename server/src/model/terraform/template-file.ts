import type { Expr } from '../../syntax/hcl/ast';
import { parseHcl } from '../../syntax/hcl/parser';
import type { FunctionContext } from './functions/function-kit';
import { str, unknown, type TfValue } from './value';

// templatefile(path, vars): the file is read through the caller's hook and parsed as a template by wrapping it
// in a heredoc, so the one HCL parser serves both. Ranges inside the template are not kept.

const MARKER = 'AKS_LINT_TEMPLATE_END';

export function templateFile(
  args: readonly TfValue[],
  ctx: FunctionContext,
  evalTemplate: (template: Expr, symbols: ReadonlyMap<string, TfValue>) => TfValue,
): TfValue {
  const [path, vars] = args;
  if (args.length !== 2) return unknown('templatefile() takes a path and a vars object', { error: true });
  if (path.kind !== 'string' || vars.kind !== 'object') {
    if (path.kind === 'unknown' || vars.kind === 'unknown') return unknown('templatefile() arguments are not known');
    return unknown('templatefile() needs a path string and a vars object', { error: true });
  }
  const text = ctx.readFile?.(path.value);
  if (text === undefined) return unknown(`file ${JSON.stringify(path.value)} is not available to the model`);
  if (text.split(/\r?\n/).some((line) => line.trim() === MARKER)) return unknown('template text cannot be wrapped');
  const parsed = parseHcl(`x = <<${MARKER}\n${text}\n${MARKER}\n`);
  const item = parsed.file.body.items[0];
  if (parsed.diagnostics.some((d) => d.severity === 'error') || item?.kind !== 'Attribute') {
    return unknown(`Call to function "templatefile" failed: ${parsed.diagnostics[0]?.message ?? 'invalid template'}.`, { error: true });
  }
  const v = evalTemplate(item.value, vars.entries);
  // the heredoc adds one line break after the file's text
  return v.kind === 'string' ? str(v.value.endsWith('\n') ? v.value.slice(0, -1) : v.value) : v;
}
