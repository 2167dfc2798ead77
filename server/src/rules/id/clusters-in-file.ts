import type { TfModule, TfResource } from '../../model/terraform/model-types';
import type { FileCheckContext } from '../kit/define-rule';
import { linkedGroup } from '../kit/linked-groups';

// File-scoped identity rules look at the resources declared in the file being checked, read through the file's
// module (not the whole model), so an edit re-runs them only for files of the modules linked to the edited one.

export function resourcesInFile(ctx: FileCheckContext, type: string): TfResource[] {
  return ctx.terraformModuleOf(ctx.file.path)?.resourcesOfType(type).filter((r) => r.file === ctx.file.path) ?? [];
}

/**
 * The checked file's module and every module linked to it by local module calls (callers and callees, transitively):
 * all a trace from the file can reach. Sorted by folder, the model's order.
 */
export function linkedModules(ctx: FileCheckContext): TfModule[] {
  const start = ctx.terraformModuleOf(ctx.file.path);
  return start ? [...linkedGroup(start)] : [];
}

/** Replacement text for a multi-line block at `indent`: the snippet's lines re-indented, first line unindented. */
export function blockText(snippet: string, indent: string, eol: string): string {
  return snippet
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}
