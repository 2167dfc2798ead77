import type { ParseResult } from '../syntax/hcl/ast';
import type { ModuleDecl } from './terraform/decode-module';
import type { TerraformFileInput } from './terraform/decode-module';
import type { TerraformModel } from './terraform/model-types';
import type { WorkspaceFile } from './workspace-files';
import type { WorkspaceServices } from './workspace-services';
import { fileContribution, sumHash } from './workspace-hash';

// The Terraform model of a snapshot, memoised across snapshots. Folders are decoded through a carried-over cache
// (only changed folders are re-decoded) and the previous model is handed on, so modules of unchanged linked
// components (and their memoised facts) survive an edit elsewhere. Files the model reads by path (file(), var
// files) are recorded and checked for freshness.

export interface TerraformHost {
  readonly services: WorkspaceServices;
  /** .tf, .tfvars and lock files */
  readonly files: readonly WorkspaceFile[];
  /** content hash of those files and the configured var files */
  readonly key: string;
  readonly varFiles: readonly string[];
  hcl(path: string): ParseResult | undefined;
  file(path: string): WorkspaceFile | undefined;
}

export interface TerraformMemo {
  key: string;
  model: TerraformModel;
  /** paths read through readFile (lazily, also after the build) -> hash seen */
  reads: Map<string, string>;
  decodeCache: Map<string, ModuleDecl>;
}

/** The cached model when its inputs are unchanged, else a fresh build reusing unchanged folder decodes. */
export function terraformModel(host: TerraformHost, previous: TerraformMemo | undefined): TerraformMemo {
  if (previous && previous.key === host.key && readsFresh(host, previous.reads)) return previous;
  const decodeCache = new CarryOverCache(previous?.decodeCache);
  const files = new Map<string, TerraformFileInput>();
  for (const f of host.files) {
    const parse = host.hcl(f.path);
    if (parse) files.set(f.path, { text: f.text, parse, hash: f.hash });
  }
  const reads = new Map<string, string>();
  const readFile = (p: string): string | undefined => {
    const f = host.file(p);
    reads.set(p, f?.hash ?? '-');
    return f?.text;
  };
  const model = host.services.buildTerraformModel({ files, varFiles: host.varFiles, readFile, decodeCache, previous: previous?.model });
  decodeCache.detach();
  return { key: host.key, model, reads, decodeCache };
}

/** Per module folder, a key over the files of all folders connected to it by local module calls. */
export function terraformComponentKeys(model: TerraformModel, files: readonly WorkspaceFile[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (d: string): string => {
    let r = d;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(d, r);
    return r;
  };
  for (const m of model.modules) parent.set(m.dir, find(m.dir));
  for (const m of model.modules) for (const call of m.moduleCalls) if (call.child) parent.set(find(call.child.dir), find(m.dir));
  const partsByRoot = new Map<string, (readonly [number, number])[]>();
  for (const f of files) {
    const slash = f.path.lastIndexOf('/');
    const dir = slash < 0 ? '.' : f.path.slice(0, slash);
    if (!parent.has(dir)) continue;
    const root = find(dir);
    const parts = partsByRoot.get(root) ?? [];
    parts.push(fileContribution(f));
    partsByRoot.set(root, parts);
  }
  const keys = new Map<string, string>();
  // hashed: every cached unit that read a module compares this key on every run, so it must be short
  const byRoot = new Map<string, string>();
  for (const [root, parts] of partsByRoot) byRoot.set(root, sumHash(parts));
  for (const m of model.modules) keys.set(m.dir, byRoot.get(find(m.dir)) ?? '');
  return keys;
}

function readsFresh(host: TerraformHost, reads: ReadonlyMap<string, string>): boolean {
  for (const [p, hash] of reads) if ((host.file(p)?.hash ?? '-') !== hash) return false;
  return true;
}

/** A Map that falls back to the previous build's decodes and keeps only what this build used (bounded memory). */
class CarryOverCache extends Map<string, ModuleDecl> {
  constructor(private previous: ReadonlyMap<string, ModuleDecl> | undefined) {
    super();
  }

  /** Drops the link to the previous build's cache so old caches do not chain up in memory. */
  detach(): void {
    this.previous = undefined;
  }

  override get(key: string): ModuleDecl | undefined {
    let v = super.get(key);
    if (v === undefined && this.previous) {
      v = this.previous.get(key);
      if (v !== undefined) super.set(key, v);
    }
    return v;
  }
}
