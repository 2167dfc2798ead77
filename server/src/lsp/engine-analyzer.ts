import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { rules as registry } from '../rules/index';
import type { Fix, Rule } from '../rules/kit/define-rule';
import { RuleRunner } from '../engine/run';
import { INTERNAL_ERROR } from '../engine/internal-error';
import { Workspace } from '../model/workspace';
import type { Finding, RuleInfo } from '../features/editor-finding';
import { modelHoverAt } from '../features/model-hover';
import type { Analyzer } from './analyzer';
import { compareIdentities, identitiesFromAksShow, identitiesOf } from '../model/identity/index';
import type { ClusterIdentities, IdentityComparisonResult, SourceSpan } from '../model/identity/identity-types';
import type { AksLintSettings } from './protocol';
import { DEFAULT_SETTINGS } from './protocol';

// The engine behind the Analyzer interface. Each workspace folder is one engine Workspace (paths relative to it,
// as the CLI sees them); a file outside every folder joins a root at its own directory. Snapshots are updated with
// withFile/withoutFile so parses stay memoised, and one RuleRunner per root keeps rule results cached.

interface Root {
  ws: Workspace;
  readonly runner: RuleRunner;
  /** the snapshot last analysed, whose text the findings handed out describe: lazy fixes are worked out over it */
  analysed?: Workspace;
}

export class EngineAnalyzer implements Analyzer {
  private readonly texts = new Map<string, string>();
  private readonly roots = new Map<string, Root>();
  /** snapshots are rebuilt from `texts` on next use (after indexing, folder or var-file changes), not per file */
  private stale = true;
  private folders: string[] = [];
  private settings: AksLintSettings = DEFAULT_SETTINGS;
  private explicitConfig: { file: string; text: string } | undefined;

  constructor(
    private readonly rules: readonly Rule[] = registry,
    /** where a rule's fix code that throws is reported (the finding then offers no fix) */
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** Files are re-assigned to their deepest folder. */
  setFolders(folders: readonly string[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
    this.stale = true;
  }

  setFile(file: string, text: string): void {
    if (this.texts.get(file) === text) return;
    this.texts.set(file, text);
    const { root, path } = this.locate(file);
    const r = this.roots.get(root);
    if (this.stale || !r) return void (this.stale = true);
    r.ws = r.ws.withFile(path, text);
    if (path === '.aks-lint.yaml' && !this.explicitConfig) r.ws = r.ws.withConfig({ file: path, text });
  }

  deleteFile(file: string): void {
    if (!this.texts.delete(file)) return;
    const { root, path } = this.locate(file);
    const r = this.roots.get(root);
    if (this.stale || !r) return void (this.stale = true);
    r.ws = r.ws.withoutFile(path);
    if (path === '.aks-lint.yaml' && !this.explicitConfig) r.ws = r.ws.withConfig(undefined);
  }

  configure(settings: AksLintSettings, config: { file: string; text: string } | undefined): void {
    const varFilesChanged = settings.varFiles.join('\0') !== this.settings.varFiles.join('\0');
    this.settings = settings;
    // a configured file applies to every root; otherwise each root reads its own .aks-lint.yaml
    this.explicitConfig = config && !this.isRootConfig(config.file) ? config : undefined;
    if (varFilesChanged) this.stale = true;
    else for (const [root, r] of this.roots) r.ws = r.ws.withConfig(this.configFor(root)); // keeps every parse
  }

  analyze(files?: readonly string[]): Finding[] {
    this.refresh();
    const out: Finding[] = [];
    const wanted = files ? groupBy(files.map((f) => this.locate(f))) : undefined;
    for (const [root, r] of this.roots) {
      const only = wanted ? wanted.get(root) : undefined;
      if (wanted && !only) continue;
      const findings = r.runner.run(r.ws, { rules: this.settings.rules }, only ? { files: only } : {});
      r.analysed = r.ws;
      const lazy = { snapshot: () => this.roots.get(root)?.analysed, log: this.log };
      for (const f of findings) out.push(toAbsolute(root, f, lazy));
    }
    return out;
  }

  identities(): ClusterIdentities[] {
    this.refresh();
    const out: ClusterIdentities[] = [];
    for (const [root, r] of this.roots) {
      try {
        out.push(...identitiesOf(r.ws).clusters.map((c) => absoluteCluster(root, c)));
      } catch {
        // a model bug must not break the view; the rules that use the same facts report it as an internal finding
      }
    }
    return out;
  }

  compareIdentities(clusterId: string, azAksShowJson: string): IdentityComparisonResult | { error: string } {
    const declared = this.identities().find((c) => c.id === clusterId);
    if (!declared) return { error: `no cluster ${clusterId} in the workspace` };
    const actual = identitiesFromAksShow(azAksShowJson);
    if (actual.identities.length === 0) return { error: 'no identities found: expected the JSON printed by `az aks show -o json`' };
    return compareIdentities(declared, actual);
  }

  ruleInfo(code: string): RuleInfo | undefined {
    const r = this.rules.find((x) => x.code === code) ?? (code === INTERNAL_ERROR.code ? INTERNAL_ERROR : undefined);
    return r && { code: r.code, name: r.name, title: r.title, summary: r.docs.summary };
  }

  modelHover(file: string, offset: number): string | undefined {
    this.refresh();
    const { root, path } = this.locate(file);
    const r = this.roots.get(root);
    return r ? modelHoverAt(r.ws, path, offset) : undefined;
  }

  private isRootConfig(file: string): boolean {
    const { root, path } = this.locate(file);
    return path === '.aks-lint.yaml' && this.folders.includes(root);
  }

  private configFor(root: string): { file: string; text: string } | undefined {
    if (this.explicitConfig) return this.explicitConfig;
    const own = this.texts.get(root === '' ? '.aks-lint.yaml' : join(root, '.aks-lint.yaml'));
    return own === undefined ? undefined : { file: '.aks-lint.yaml', text: own };
  }

  private locate(file: string): { root: string; path: string } {
    if (!isAbsolute(file)) return { root: '', path: file.replace(/^[a-z]+:\/*/i, '') };
    const folder = this.folders.find((f) => file === f || file.startsWith(f.endsWith(sep) ? f : f + sep));
    const root = folder ?? dirname(file);
    return { root, path: relative(root, file).split(sep).join('/') };
  }

  /** Rebuilds the snapshots from `texts` when marked stale; rule runners (and their caches) survive. */
  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    const byRoot = new Map<string, { path: string; text: string }[]>();
    for (const [file, text] of this.texts) {
      const { root, path } = this.locate(file);
      let list = byRoot.get(root);
      if (!list) byRoot.set(root, (list = []));
      list.push({ path, text });
    }
    const previous = new Map(this.roots);
    this.roots.clear();
    for (const [root, files] of byRoot) {
      const varFiles = this.settings.varFiles.map((v) => relative(root, v).split(sep).join('/')).filter((v) => !v.startsWith('..'));
      const ws = Workspace.create(files, { config: this.configFor(root), varFiles });
      const before = previous.get(root);
      // lazy fixes: a keystroke does not build the fixes of every finding in the file, only a quick fix request does.
      // The findings handed out so far keep their snapshot until the next analysis.
      this.roots.set(root, { ws, runner: before?.runner ?? new RuleRunner(this.rules, { lazyFixes: true }), analysed: before?.analysed });
    }
  }
}

function groupBy(items: readonly { root: string; path: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const { root, path } of items) {
    let list = m.get(root);
    if (!list) m.set(root, (list = []));
    list.push(path);
  }
  return m;
}

// The runner hands out the same Finding objects while their unit's inputs are unchanged (most findings after an
// edit), so their absolute copies are made once, not on every analysis.
const absoluteCopies = new WeakMap<Finding, { readonly root: string; readonly copy: Finding }>();

interface LazyFixSource {
  /** the snapshot to work fixes out over (the root's last analysed one), asked when the fixes are */
  readonly snapshot: () => Workspace | undefined;
  readonly log: (message: string) => void;
}

function toAbsolute(root: string, f: Finding, lazy: LazyFixSource): Finding {
  const known = absoluteCopies.get(f);
  if (known?.root === root) return known.copy;
  const copy = absoluteCopy(root, f, lazy);
  absoluteCopies.set(f, { root, copy });
  return copy;
}

function absoluteCopy(root: string, f: Finding, lazy: LazyFixSource): Finding {
  const abs = (p: string): string => (root === '' ? p : join(root, p));
  const related = f.related?.map((r) => ({ ...r, file: abs(r.file) }));
  if (f.fixesIn) return new LazyFixFinding(f, abs(f.file), related, f.fixesIn, abs, lazy);
  return { ...f, file: abs(f.file), related, fixes: f.fixes && absoluteFixes(f.fixes, abs) };
}

function absoluteFixes(fixes: readonly Fix[], abs: (p: string) => string): Fix[] {
  return fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, file: abs(e.file) })) }));
}

// A finding's lazy fixes, worked out once per snapshot: a quick fix request reads them two or three times (the fix,
// "fix all"), and the editor asks for code actions on every cursor move. Held weakly: they go with their snapshot.
const resolvedFixes = new WeakMap<Workspace, WeakMap<LazyFixFinding, readonly Fix[]>>();

/** The absolute copy of a finding with lazy fixes: `fixes` are worked out when read (a class: one shape for all). */
class LazyFixFinding implements Finding {
  readonly code: string;
  readonly name: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly messageId: string;
  readonly range: Finding['range'];

  constructor(
    f: Finding,
    readonly file: string,
    readonly related: Finding['related'],
    private readonly fixesOver: (ws: Workspace) => readonly Fix[],
    private readonly abs: (p: string) => string,
    private readonly lazy: LazyFixSource,
  ) {
    ({ code: this.code, name: this.name, severity: this.severity, message: this.message, messageId: this.messageId, range: this.range } = f);
  }

  get fixes(): readonly Fix[] {
    const ws = this.lazy.snapshot();
    if (!ws) return [];
    let byFinding = resolvedFixes.get(ws);
    if (!byFinding) resolvedFixes.set(ws, (byFinding = new WeakMap()));
    let fixes = byFinding.get(this);
    if (!fixes) {
      try {
        fixes = absoluteFixes(this.fixesOver(ws), this.abs);
      } catch (err) {
        this.lazy.log(`the fixes of ${this.code} (${this.name}) at ${this.file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        fixes = [];
      }
      byFinding.set(this, fixes);
    }
    return fixes;
  }
}

/** Cluster ids get their root so two folders with the same module layout stay distinct. */
function absoluteCluster(root: string, c: ClusterIdentities): ClusterIdentities {
  const span = (x: SourceSpan | undefined): SourceSpan | undefined => x && { ...x, file: root === '' ? x.file : join(root, x.file) };
  return {
    ...c,
    id: `${root}|${c.id}`,
    declaredAt: span(c.declaredAt),
    identities: c.identities.map((i) => ({
      ...i,
      declaredAt: span(i.declaredAt),
      resource: i.resource && { ...i.resource, at: span(i.resource.at) },
      roleAssignments: i.roleAssignments.map((r) => ({ ...r, at: span(r.at)! })),
      neededRoles: i.neededRoles.map((n) => ({ ...n, at: span(n.at)! })),
    })),
  };
}
