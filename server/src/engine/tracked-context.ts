import type { FileKind, Workspace, WorkspaceFile } from '../model/workspace';
import type { CheckContext, FileCheckContext } from '../rules/kit/define-rule';
import { combineHashes } from '../model/workspace-hash';

// Records what a check reads so its results can be reused until one of those inputs changes. The recorded set is
// replayed against the next snapshot: equal key = same inputs = same reports (checks are pure).

/** What a check reads, recorded while it runs (Sets: a check reads the same input many times). */
export class DependencyRecorder {
  all = false;
  config = false;
  terraform = false;
  readonly files = new Set<string>();
  /** files whose text, parse or line index the check read (not only their path or model): see value-edit.ts */
  texts: Set<string> | undefined;
  readText(path: string): void {
    (this.texts ??= new Set()).add(path);
  }
  // made on first use: one recorder per re-run unit, and most units read neither
  private groups: Set<string> | undefined;
  private components: Set<string> | undefined;
  get kindGroups(): Set<string> {
    return (this.groups ??= new Set());
  }
  /** module folders whose connected Terraform inputs were read via terraformModuleOf */
  get tfComponents(): Set<string> {
    return (this.components ??= new Set());
  }
  hasKindGroups(): boolean {
    return !!this.groups?.size;
  }
  hasTfComponents(): boolean {
    return !!this.components?.size;
  }
}

/** What a unit read, as lists (Dependencies.inputs). */
export interface UnitInputs {
  readonly all: boolean;
  readonly config: boolean;
  /** read the whole Terraform model */
  readonly wholeModel: boolean;
  readonly files: readonly string[];
  readonly kinds: readonly FileKind[];
  /** module folders whose linked-module component was read */
  readonly components: readonly string[];
  /** for Terraform readers: the paths the model had read by path (null: not captured); undefined for other units */
  readonly reads: readonly string[] | null | undefined;
}

/** One path, several, or none: most units read one file (and one module), so no array is kept for them. */
type List = string | readonly string[] | undefined;

function compact(set: ReadonlySet<string>): List {
  if (set.size === 0) return undefined;
  if (set.size === 1) return set.values().next().value!;
  // sized up front: an array grown by push keeps spare capacity, and thousands of these stay cached
  const out = new Array<string>(set.size);
  let i = 0;
  for (const x of set) out[i++] = x;
  return out;
}

function each(list: List, fn: (x: string) => void): void {
  if (typeof list === 'string') fn(list);
  else if (list) for (const x of list) fn(x);
}

/**
 * The recorded inputs of one cached unit, in a compact immutable form (thousands are kept); key()
 * replays them against a snapshot.
 */
export class Dependencies {
  private readonly all: boolean;
  private readonly config: boolean;
  private readonly terraform: boolean;
  private readonly files: List;
  private readonly kindGroups: List;
  private readonly tfComponents: List;
  /** set when the unit read only this one file: its hash is the whole key */
  private readonly single: string | undefined;
  /**
   * Paths the Terraform model had read by path (file(), var files) when this unit's results were stored. Captured
   * once: the model records reads lazily, so the live list grows as later checks evaluate more, and a key over
   * the live list would change (a spurious miss for every Terraform-reading unit) although no input did.
   */
  private reads: readonly string[] | undefined;

  constructor(r: DependencyRecorder) {
    this.all = r.all;
    this.config = r.config;
    this.terraform = r.terraform;
    this.files = compact(r.files);
    this.kindGroups = r.hasKindGroups() ? compact(r.kindGroups) : undefined;
    this.tfComponents = r.hasTfComponents() ? compact(r.tfComponents) : undefined;
    const onlyOneFile = typeof this.files === 'string' && !this.kindGroups && !this.config && !this.terraform && !this.tfComponents;
    this.single = onlyOneFile ? (this.files as string) : undefined;
  }

  /** Same recorded inputs as `other` (a re-run unit that read the same things keeps its place in the index). */
  sameInputs(other: Dependencies): boolean {
    const same = (a: List, b: List): boolean =>
      a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));
    return this.all === other.all && this.config === other.config && this.terraform === other.terraform &&
      same(this.files, other.files) && same(this.kindGroups, other.kindGroups) && same(this.tfComponents, other.tfComponents) &&
      this.reads === other.reads;
  }

  /** What was read, for the runner's index of units by input (see unit-index.ts). */
  inputs(): UnitInputs {
    const list = (l: List): readonly string[] => (l === undefined ? [] : typeof l === 'string' ? [l] : l);
    const kinds = new Set<FileKind>();
    for (const g of list(this.kindGroups)) for (const k of g.split(',')) kinds.add(k as FileKind);
    return {
      all: this.all,
      config: this.config,
      wholeModel: this.terraform,
      files: list(this.files),
      kinds: [...kinds],
      components: list(this.tfComponents),
      reads: this.terraform || this.tfComponents ? (this.reads ?? null) : undefined,
    };
  }

  /**
   * A key over the current content of everything recorded; cheap, as it runs for every cached unit on every run.
   * Keys are only ever compared with keys of the same Dependencies, so the paths and groups it lists, fixed here,
   * stay out of the key: it holds content hashes in a fixed order (a third of the length, on the corpus).
   */
  key(ws: Workspace): string {
    if (this.all) return `all:${ws.hash}`;
    // The common case, a file rule that read only its own file: the file's hash is the key.
    if (this.single !== undefined) return ws.file(this.single)?.hash ?? '-';
    const parts: string[] = [];
    each(this.kindGroups, (g) => parts.push(ws.groupHash(g.split(',') as FileKind[])));
    each(this.files, (p) => parts.push(ws.file(p)?.hash ?? '-'));
    if (this.config) parts.push(ws.config.text);
    if (this.terraform) parts.push(ws.groupHash(TERRAFORM));
    each(this.tfComponents, (d) => parts.push(ws.terraformComponentFilesKey(d)));
    if (this.terraform || this.tfComponents) {
      parts.push('varFiles', ...ws.varFiles(), 'reads', readsKey(ws, (this.reads ??= internReads(ws.terraformReads()))));
    }
    return parts.join('\u0001');
  }
}

// Thousands of units capture the same reads list; sharing one array lets its key be computed once per snapshot.
let lastReads: readonly string[] = [];
function internReads(reads: readonly string[]): readonly string[] {
  if (reads.length !== lastReads.length || reads.some((p, i) => p !== lastReads[i])) lastReads = reads;
  return lastReads;
}

const readsKeys = new WeakMap<Workspace, Map<readonly string[], string>>();
function readsKey(ws: Workspace, reads: readonly string[]): string {
  let byList = readsKeys.get(ws);
  if (!byList) readsKeys.set(ws, (byList = new Map()));
  let key = byList.get(reads);
  // hashed: the key is compared for every cached unit on every run, so it must stay short however many reads there are
  if (key === undefined) byList.set(reads, (key = combineHashes(reads.flatMap((p) => [p, ws.file(p)?.hash ?? '-']))));
  return key;
}

const TERRAFORM: readonly FileKind[] = ['terraform', 'tfvars', 'lock'];
/** in DependencyRecorder.texts: the check may have read any file's text */
export const ALL_TEXTS = '*';
const YAML: readonly FileKind[] = ['yaml'];

/** A check context over `ws` that records every read into `deps`; a file rule's unit gets its file's context. */
export function trackedContext(ws: Workspace, deps: DependencyRecorder): CheckContext;
export function trackedContext(ws: Workspace, deps: DependencyRecorder, file: WorkspaceFile): FileCheckContext;
export function trackedContext(ws: Workspace, deps: DependencyRecorder, file: WorkspaceFile | undefined): CheckContext | FileCheckContext;
export function trackedContext(ws: Workspace, deps: DependencyRecorder, file?: WorkspaceFile): CheckContext | FileCheckContext {
  if (file) deps.files.add(file.path);
  return file ? new TrackedFileContext(ws, deps, file) : new TrackedContext(ws, deps);
}

// A class, not an object of closures: one context is made per re-run unit, hundreds per edit.
class TrackedContext implements CheckContext {
  constructor(
    protected readonly ws: Workspace,
    protected readonly deps: DependencyRecorder,
  ) {}

  /** Reading the whole snapshot makes the unit depend on everything. */
  get workspace(): Workspace {
    this.deps.all = true;
    return this.ws;
  }

  files(...kinds: FileKind[]): readonly WorkspaceFile[] {
    this.onKinds(kinds);
    // handed out as they are (lists are memo keys): their text may be read, so every file counts as read
    if (kinds.length === 0 || kinds.includes('terraform')) this.deps.readText(ALL_TEXTS);
    return kinds.length === 0 ? this.ws.files : this.ws.filesOf(...kinds);
  }

  getFile(p: string): WorkspaceFile | undefined {
    this.deps.files.add(p);
    const file = this.ws.file(p);
    return file && new WatchedFile(file, this.deps);
  }

  lineIndex(p: string): ReturnType<Workspace['lineIndex']> {
    this.deps.files.add(p);
    this.deps.readText(p);
    return this.ws.lineIndex(p);
  }

  hcl(p: string): ReturnType<Workspace['hcl']> {
    this.deps.files.add(p);
    this.deps.readText(p);
    return this.ws.hcl(p);
  }

  kubernetes(p: string): ReturnType<Workspace['kubernetes']> {
    this.deps.files.add(p);
    this.deps.readText(p);
    return this.ws.kubernetes(p);
  }

  terraform(): ReturnType<Workspace['terraform']> {
    this.deps.terraform = true;
    return this.ws.terraform();
  }

  terraformModuleOf(p: string): ReturnType<Workspace['terraformModuleOf']> {
    const slash = p.lastIndexOf('/');
    this.deps.tfComponents.add(slash < 0 ? '.' : p.slice(0, slash));
    return this.ws.terraformModuleOf(p);
  }

  terraformModules(): ReturnType<CheckContext['terraformModules']> {
    this.deps.terraform = true;
    return [{ dir: '', model: this.ws.terraform() }];
  }

  k8sObjects(): ReturnType<Workspace['k8sObjects']> {
    this.onKinds(YAML);
    return this.ws.k8sObjects();
  }

  k8sIndex(): ReturnType<Workspace['k8sIndex']> {
    this.onKinds(YAML);
    return this.ws.k8sIndex();
  }

  private onKinds(kinds: readonly FileKind[]): void {
    if (kinds.length === 0) this.deps.all = true;
    else this.deps.kindGroups.add([...new Set(kinds)].sort().join(','));
  }
}

class TrackedFileContext extends TrackedContext implements FileCheckContext {
  readonly file: WorkspaceFile;
  constructor(ws: Workspace, deps: DependencyRecorder, file: WorkspaceFile) {
    super(ws, deps);
    this.file = new WatchedFile(file, deps);
  }
}

/** A file whose path and kind are free to read; its text and hash count in the recorder's `texts`. */
class WatchedFile implements WorkspaceFile {
  constructor(
    private readonly file: WorkspaceFile,
    private readonly deps: DependencyRecorder,
  ) {}
  get path(): string {
    return this.file.path;
  }
  get kind(): WorkspaceFile['kind'] {
    return this.file.kind;
  }
  get text(): string {
    this.deps.readText(this.file.path);
    return this.file.text;
  }
  get hash(): string {
    this.deps.readText(this.file.path);
    return this.file.hash;
  }
}
