import type { ParseResult } from '../syntax/hcl/ast';
import type { PreviousParse } from '../syntax/hcl/item-reuse';
import { LineIndex } from '../text/line-index';
import { contentHash, fileContribution, sumHash } from './workspace-hash';
import { EMPTY_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from './workspace-config';
import { fileKindOf, HCL_KINDS, joinPath, dirname, normalizePath, type FileKind, type WorkspaceFile } from './workspace-files';
import { indexObjects, type K8sObjectIndex } from './kubernetes/object-index';
import type { K8sObject } from './kubernetes/object';
import { terraformComponentKeys, terraformModel, type TerraformMemo } from './workspace-terraform';
import type { TfModule } from './terraform/model-types';
import type { KubernetesFile, TerraformModel, WorkspaceServices } from './workspace-services';
import { defaultServices } from './workspace-default-services';

export type { FileKind, WorkspaceFile } from './workspace-files';
export type { WorkspaceConfig } from './workspace-config';
export type { K8sObjectIndex } from './kubernetes/object-index';
export type { KubernetesFile, TerraformModel } from './workspace-services';

// An immutable snapshot of the analysed files. Everything derived (parses, Terraform modules, the K8s index) is
// computed lazily and memoised: per file on the file's entry (shared by every snapshot that holds the same text),
// per module and for the K8s index in a cache shared along a chain of snapshots and keyed by content hashes.

export interface WorkspaceOptions {
  /** the configuration file (LSP: passed in; CLI: found upward from the analysed paths) */
  readonly config?: { readonly file: string; readonly text: string };
  /** var files (workspace paths) added to the configured ones, e.g. from --var-file */
  readonly varFiles?: readonly string[];
  readonly services?: WorkspaceServices;
}

interface FileMemo {
  lines?: LineIndex;
  hcl?: ParseResult;
  k8s?: KubernetesFile;
  /** the reading of the version this entry replaced: its unchanged YAML documents are reused, then it is dropped */
  previousK8s?: KubernetesFile;
  /** likewise the HCL parse of the version this entry replaced, for its untouched top-level items */
  previousHcl?: PreviousParse;
}

interface Entry {
  readonly file: WorkspaceFile;
  readonly memo: FileMemo;
}

/** Caches shared by a snapshot and every snapshot derived from it; entries are keyed by content, so sharing is safe. */
interface SharedCache {
  readonly services: WorkspaceServices;
  terraform?: TerraformMemo;
  /** the objects of the YAML files `files` (sorted by path, as `filesOf('yaml')` lists them) */
  k8s?: { files: readonly WorkspaceFile[]; objects: readonly K8sObject[]; index: K8sObjectIndex };
  componentKeys?: { model: TerraformModel; filesKey: string; keys: ReadonlyMap<string, string> };
}

export class Workspace {
  private sortedFiles: readonly WorkspaceFile[] | undefined;
  private readonly groupHashes = new Map<string, string>();
  private terraformMemo: TerraformMemo | undefined;
  private componentKeys: ReadonlyMap<string, string> | undefined;
  private k8sMemo: { objects: readonly K8sObject[]; index: K8sObjectIndex } | undefined;

  private constructor(
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly shared: SharedCache,
    /** the parsed configuration (EMPTY_CONFIG when there is none) */
    readonly config: WorkspaceConfig,
    private readonly extraVarFiles: readonly string[],
  ) {}

  static create(files: Iterable<{ readonly path: string; readonly text: string }>, options: WorkspaceOptions = {}): Workspace {
    const entries = new Map<string, Entry>();
    for (const f of files) {
      const path = normalizePath(f.path);
      entries.set(path, newEntry(path, f.text));
    }
    const config = options.config ? parseWorkspaceConfig(options.config.file, options.config.text) : EMPTY_CONFIG;
    const shared: SharedCache = { services: options.services ?? defaultServices };
    return new Workspace(entries, shared, config, (options.varFiles ?? []).map(normalizePath));
  }

  /** A snapshot with `path` set to `text`; `this` when nothing changes. Unchanged files keep their memoised parses. */
  withFile(path: string, text: string): Workspace {
    const p = normalizePath(path);
    if (this.entries.get(p)?.file.text === text) return this;
    const entries = new Map(this.entries);
    const entry = newEntry(p, text);
    const prev = this.entries.get(p);
    const old = prev?.memo;
    if (entry.file.kind === 'yaml') entry.memo.previousK8s = old?.k8s ?? old?.previousK8s;
    else if (prev && old && HCL_KINDS.includes(entry.file.kind)) {
      entry.memo.previousHcl = old.hcl ? { text: prev.file.text, result: old.hcl } : old.previousHcl;
    }
    entries.set(p, entry);
    const next = new Workspace(entries, this.shared, this.config, this.extraVarFiles);
    // an edit keeps the path set: reuse the sorted order instead of sorting every file again
    if (this.entries.has(p) && this.sortedFiles) next.sortedFiles = this.sortedFiles.map((f) => (f.path === p ? entry.file : f));
    return next;
  }

  withoutFile(path: string): Workspace {
    const p = normalizePath(path);
    if (!this.entries.has(p)) return this;
    const entries = new Map(this.entries);
    entries.delete(p);
    return new Workspace(entries, this.shared, this.config, this.extraVarFiles);
  }

  /** A snapshot with another configuration (undefined = none). */
  withConfig(config: { readonly file: string; readonly text: string } | undefined): Workspace {
    if (config?.file === this.config.file && (config?.text ?? '') === this.config.text) return this;
    const parsed = config ? parseWorkspaceConfig(config.file, config.text) : EMPTY_CONFIG;
    return new Workspace(this.entries, this.shared, parsed, this.extraVarFiles);
  }

  /** All files, sorted by path. */
  get files(): readonly WorkspaceFile[] {
    this.sortedFiles ??= [...this.entries.values()].map((e) => e.file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.sortedFiles;
  }

  file(path: string): WorkspaceFile | undefined {
    return this.entries.get(path)?.file ?? this.entries.get(normalizePath(path))?.file;
  }

  filesOf(...kinds: readonly FileKind[]): readonly WorkspaceFile[] {
    return this.files.filter((f) => kinds.includes(f.kind));
  }

  /** Content hash of the whole snapshot (files and configuration). */
  get hash(): string {
    return this.groupHash([]);
  }

  /** Content hash of the files of the given kinds (all files and the configuration when `kinds` is empty). */
  groupHash(kinds: readonly FileKind[]): string {
    const id = kinds.slice().sort().join(',');
    let h = this.groupHashes.get(id);
    if (h === undefined) {
      const files = kinds.length === 0 ? this.files : this.filesOf(...kinds);
      h = sumHash(files.map(fileContribution), kinds.length === 0 ? this.config.text : undefined);
      this.groupHashes.set(id, h);
    }
    return h;
  }

  lineIndex(path: string): LineIndex | undefined {
    const e = this.entry(path);
    if (!e) return undefined;
    return (e.memo.lines ??= new LineIndex(e.file.text));
  }

  /** The HCL parse of a .tf/.tfvars/.tftest.hcl/lock file; undefined for other kinds and absent files. */
  hcl(path: string): ParseResult | undefined {
    const e = this.entry(path);
    if (!e || !HCL_KINDS.includes(e.file.kind)) return undefined;
    if (!e.memo.hcl) {
      e.memo.hcl = this.shared.services.parseHcl(e.file.text, e.memo.previousHcl);
      e.memo.previousHcl = undefined;
    }
    return e.memo.hcl;
  }

  /** The Kubernetes reading of a .yaml/.yml file; undefined for other kinds and absent files. */
  kubernetes(path: string): KubernetesFile | undefined {
    const e = this.entry(path);
    if (!e || e.file.kind !== 'yaml') return undefined;
    if (!e.memo.k8s) {
      e.memo.k8s = this.shared.services.parseKubernetesFile(e.file.path, e.file.text, e.memo.previousK8s);
      e.memo.previousK8s = undefined;
    }
    return e.memo.k8s;
  }

  /**
   * The Terraform model of every .tf/.tfvars/lock file. Rebuilt only when one of them, the configured var files or a
   * file the model read by path changed; even then only the changed folders are decoded again.
   */
  terraform(): TerraformModel {
    this.terraformMemo ??= this.shared.terraform = terraformModel(
      {
        services: this.shared.services,
        files: this.filesOf(...TERRAFORM_KINDS),
        key: `${this.groupHash(TERRAFORM_KINDS)}:${this.varFiles().join('\0')}`,
        varFiles: this.varFiles(),
        hcl: (p) => this.hcl(p),
        file: (p) => this.file(p),
      },
      this.shared.terraform,
    );
    return this.terraformMemo.model;
  }

  /** The Terraform module of a file's folder ('.' is the root folder); undefined when the folder has no .tf file. */
  terraformModuleOf(path: string): TfModule | undefined {
    const dir = dirname(normalizePath(path));
    return this.terraform().module(dir === '' ? '.' : dir);
  }

  /**
   * Content key of the Terraform inputs a module can see: the .tf/.tfvars/lock files of every folder linked to
   * `dir` through local module calls (callers and callees, transitively), the var files and file() reads.
   */
  terraformComponentKey(dir: string): string {
    const parts = [this.terraformComponentFilesKey(dir), ...this.varFiles()];
    for (const p of this.terraformReads()) parts.push(p, this.file(p)?.hash ?? '-');
    return parts.join('\u0001');
  }

  /** Folders whose linked-module component key (terraformComponentFilesKey) differs between `other` and this snapshot. */
  changedTerraformComponents(other: Workspace): Set<string> {
    const changed = new Set<string>();
    const mine = this.componentKeyMap();
    const theirs = other.componentKeyMap();
    for (const [dir, key] of mine) if (theirs.get(dir) !== key) changed.add(dir);
    for (const dir of theirs.keys()) if (!mine.has(dir)) changed.add(dir);
    return changed;
  }

  /** Content key of the .tf/.tfvars/lock files of the folders linked to `dir` by local module calls (no var files or reads). */
  terraformComponentFilesKey(dir: string): string {
    return this.componentKeyMap().get(dir === '' ? '.' : dir) ?? `none:${dir}`;
  }

  private componentKeyMap(): ReadonlyMap<string, string> {
    if (!this.componentKeys) {
      // shared along the snapshot chain: a YAML edit keeps the model and the Terraform files, hence these keys
      const model = this.terraform();
      const filesKey = this.groupHash(TERRAFORM_KINDS);
      const cached = this.shared.componentKeys;
      this.componentKeys =
        cached?.model === model && cached.filesKey === filesKey ? cached.keys : terraformComponentKeys(model, this.filesOf(...TERRAFORM_KINDS));
      this.shared.componentKeys = { model, filesKey, keys: this.componentKeys };
    }
    return this.componentKeys;
  }

  /** Paths the Terraform model has read by path so far (file(), var files): inputs beyond its own files. */
  terraformReads(): readonly string[] {
    return this.terraformMemo ? [...this.terraformMemo.reads.keys()] : [];
  }

  /** Configured var files (config `varFiles`, then options.varFiles), as workspace paths. */
  varFiles(): readonly string[] {
    return [...this.config.varFiles.map((p) => this.configPath(p)), ...this.extraVarFiles];
  }

  /** Every Kubernetes object of every YAML file (path, then document order); rebuilt only when a YAML file changed. */
  k8sObjects(): readonly K8sObject[] {
    return this.k8s().objects;
  }

  /** The cross-file look-up over `k8sObjects()`. */
  k8sIndex(): K8sObjectIndex {
    return this.k8s().index;
  }

  /** Resolves a path written in the configuration (relative to the config file's folder) to a workspace path. */
  configPath(rel: string): string {
    const file = this.config.file;
    const base = file && !file.startsWith('/') && !/^[a-z]+:/i.test(file) ? dirname(normalizePath(file)) : '';
    return joinPath(base, rel);
  }

  private k8s(): { objects: readonly K8sObject[]; index: K8sObjectIndex } {
    if (this.k8sMemo) return this.k8sMemo;
    const files = this.filesOf('yaml');
    const cached = this.shared.k8s;
    if (cached && sameContents(cached.files, files)) return (this.k8sMemo = cached);
    const objects = files.flatMap((f) => this.kubernetes(f.path)?.objects ?? []);
    const fresh = { files, objects, index: indexObjects(objects) };
    this.shared.k8s = fresh;
    return (this.k8sMemo = fresh);
  }

  private entry(path: string): Entry | undefined {
    return this.entries.get(path) ?? this.entries.get(normalizePath(path));
  }
}

const TERRAFORM_KINDS: readonly FileKind[] = ['terraform', 'tfvars', 'lock'];

/**
 * The same files with the same contents, in the same order. Snapshots hand on the file objects of unchanged files, so
 * only files that differ by identity (an edited one) are compared by hash: a one-shot run hashes no YAML file.
 */
function sameContents(a: readonly WorkspaceFile[], b: readonly WorkspaceFile[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i].path !== b[i].path || a[i].hash !== b[i].hash)) return false;
  return true;
}

function newEntry(path: string, text: string): Entry {
  return { file: new SnapshotFile(path, text, fileKindOf(path)), memo: {} };
}

/** A file of a snapshot. Its hash is worked out when a cache key first needs it (a one-shot run never does). */
class SnapshotFile implements WorkspaceFile {
  private computedHash: string | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly kind: FileKind,
  ) {}

  get hash(): string {
    return (this.computedHash ??= contentHash(this.text));
  }
}
