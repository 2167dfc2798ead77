import type { FileKind, Workspace } from '../model/workspace';

// What differs between the snapshot a runner saw last and the next one. Cached units none of whose recorded inputs
// are among the changes are reused without computing their keys: on a 2,400-file workspace that bookkeeping, not
// the checks, was most of the cost of re-analysing after a one-file edit.

export interface SnapshotChanges {
  /** paths added, removed or with other content */
  readonly paths: ReadonlySet<string>;
  /** kinds of those files */
  readonly kinds: ReadonlySet<FileKind>;
  readonly config: boolean;
  readonly varFiles: boolean;
  /** module folders whose linked-module component has other files or content (only when Terraform files changed) */
  readonly tfComponents: ReadonlySet<string>;
}

const TERRAFORM_KINDS: readonly FileKind[] = ['terraform', 'tfvars', 'lock'];

/** The files added, removed or edited, and whether the configuration or var files changed (no module comparison). */
export type FileChanges = Pick<SnapshotChanges, 'paths' | 'kinds' | 'config' | 'varFiles'>;

export function fileChanges(before: Workspace, after: Workspace): FileChanges {
  const paths = new Set<string>();
  const kinds = new Set<FileKind>();
  if (before !== after) {
    for (const f of after.files) {
      if (before.file(f.path)?.hash === f.hash) continue;
      paths.add(f.path);
      kinds.add(f.kind);
    }
    for (const f of before.files) {
      if (after.file(f.path)) continue;
      paths.add(f.path);
      kinds.add(f.kind);
    }
  }
  const varFiles = before.varFiles().join('\0') !== after.varFiles().join('\0');
  return { paths, kinds, config: before.config.text !== after.config.text, varFiles };
}

export function snapshotChanges(before: Workspace, after: Workspace): SnapshotChanges {
  const files = fileChanges(before, after);
  const tfComponents = TERRAFORM_KINDS.some((k) => files.kinds.has(k)) ? after.changedTerraformComponents(before) : new Set<string>();
  return { ...files, tfComponents };
}
