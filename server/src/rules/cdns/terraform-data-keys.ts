import type { ObjectItem } from '../../syntax/hcl/ast';
import type { TfResource } from '../../model/terraform/model-types';
import type { TextRange } from '../../text/text-range';
import { isHclStringLiteral } from './yaml-lines';

// The HCL side of a Terraform ConfigMap's `data = { "key" = ... }`: the model's KMap knows keys and values but
// not where a key was written, which squiggles and key renames need.

export interface HclDataKey {
  readonly range: TextRange;
  /** true when the key is a plain "..." literal alone on its line run, so renaming it keeps `terraform fmt` alignment */
  readonly renamable: boolean;
}

export function hclDataKey(resource: TfResource | undefined, text: string, key: string): HclDataKey | undefined {
  const expr = resource?.attribute('data')?.expr;
  if (expr?.kind !== 'Object') return undefined;
  const items = expr.items;
  const i = items.findIndex((it) => keyText(it, text) === key);
  if (i < 0) return undefined;
  const item = items[i];
  const line = (r: TextRange) => text.slice(0, r.start).split('\n').length;
  const neighbours = [items[i - 1], items[i + 1]].filter((n) => n && Math.abs(line(n.range) - line(item.range)) === 1);
  return { range: item.key.range, renamable: isHclStringLiteral(text, item.key.range) && neighbours.length === 0 };
}

function keyText(item: ObjectItem, text: string): string | undefined {
  const raw = text.slice(item.key.range.start, item.key.range.end);
  if (item.key.kind === 'Variable') return item.key.name;
  return isHclStringLiteral(text, item.key.range) ? (JSON.parse(raw) as string) : undefined;
}
