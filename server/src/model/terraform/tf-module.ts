import type { Expr } from '../../syntax/hcl/ast';
import { BlockView } from './block-view';
import type { ModuleDecl, VarFileDecl } from './decode-module';
import {
  localsOf,
  lockedProvidersOf,
  ModuleCallView,
  outputOf,
  providerOf,
  requiredProvidersOf,
  ResourceView,
  VariableView,
} from './declarations';
import { Evaluator, type EvalHost } from './evaluator';
import type { FunctionContext } from './functions/function-kit';
import { blockObject, instancesValue } from './instance-values';
import { kubernetesObjectsOf } from './kubernetes-objects';
import type * as M from './model-types';
import { majorOfConstraint, majorOfVersion, isAzurermSource } from './provider-version';
import { collectReferenceUses, referenceOf, referencesIn } from './references';
import { calledVariableValue, rootVariableValue } from './variable-values';
import { object, unknown, type TfValue } from './value';
import { joinPath, relativePath } from './posix-path';
import { held, memoWithReads, replayReads, type WithReads } from './attribute-reads';

/** State shared by all modules of one model build. */
export interface ModelContext {
  /** memo keys being computed right now, for cycle detection across modules */
  readonly active: Set<string>;
  readonly configuredVarFiles: readonly VarFileDecl[];
  readonly readFile?: (path: string) => string | undefined;
}

export class ModuleImpl implements M.TfModule, EvalHost {
  readonly resources: ResourceView[] = [];
  readonly dataSources: ResourceView[] = [];
  readonly variables = new Map<string, VariableView>();
  readonly locals = new Map<string, M.TfLocal>();
  readonly outputs = new Map<string, M.TfOutput>();
  readonly providers: M.TfProvider[] = [];
  readonly requiredProviders = new Map<string, M.TfRequiredProvider>();
  readonly lockedProviders = new Map<string, M.TfLockedProvider>();
  readonly moduleCalls: ModuleCallView[] = [];
  readonly callers: ModuleCallView[] = [];
  /** every top-level block, owners for the reference index */
  private readonly topBlocks: BlockView[] = [];
  private readonly evaluator = new Evaluator(this);
  private readonly memo = new Map<string, WithReads<TfValue>>();
  private uses: M.TfReferenceUse[] | undefined;
  /** reverse index of `uses` by target, built with it */
  private usesByTarget: Map<unknown, M.TfReferenceUse[]> | undefined;
  /** resources and data sources by address (the first declaration wins, as a linear search would) */
  private byAddress: Map<string, ResourceView> | undefined;
  private k8s: WithReads<readonly M.TfKubernetesObject[]> | undefined;
  /** resources by type, grouped in one pass when first asked: rules ask for dozens of types, most of them absent */
  private byType: Map<string, M.TfResource[]> | undefined;

  constructor(
    readonly decl: ModuleDecl,
    private readonly ctx: ModelContext,
  ) {
    for (const { file, node } of decl.blocks) {
      const labels = node.labels.length;
      const type = node.type.name;
      const view = type === 'resource' || type === 'data' ? new ResourceView(node, file, this, type === 'data' ? 'data' : 'managed') : new BlockView(node, file, this);
      this.topBlocks.push(view);
      if (view instanceof ResourceView && labels >= 2) (type === 'data' ? this.dataSources : this.resources).push(view);
      else if (type === 'variable' && labels >= 1) this.variables.set(view.labels[0], new VariableView(view));
      else if (type === 'locals') for (const l of localsOf(view)) this.locals.set(l.name, l);
      else if (type === 'output' && labels >= 1) this.outputs.set(view.labels[0], outputOf(view));
      else if (type === 'provider' && labels >= 1) this.providers.push(providerOf(view));
      else if (type === 'module' && labels >= 1) this.moduleCalls.push(new ModuleCallView(view, this));
      else if (type === 'terraform') for (const r of requiredProvidersOf(view)) this.requiredProviders.set(r.name, r);
    }
    if (decl.lockFile) for (const p of lockedProvidersOf(decl.lockFile.file, decl.lockFile.blocks, this)) this.lockedProviders.set(p.address, p);
  }

  get dir(): string {
    return this.decl.dir;
  }
  get files(): readonly string[] {
    return this.decl.tfFiles;
  }

  resourcesOfType(type: string): readonly M.TfResource[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const r of this.resources) {
        const list = this.byType.get(r.type);
        if (list) list.push(r);
        else this.byType.set(r.type, [r]);
      }
    }
    return this.byType.get(type) ?? NONE;
  }

  resource(address: string): M.TfResource | undefined {
    if (!this.byAddress) {
      this.byAddress = new Map();
      for (const r of [...this.resources, ...this.dataSources]) if (!this.byAddress.has(r.address)) this.byAddress.set(r.address, r);
    }
    return this.byAddress.get(address);
  }

  // ---- evaluation -----------------------------------------------------------------------------------

  evaluate(expr: Expr, file: string): TfValue {
    return this.evaluator.evaluate(expr, file);
  }

  private evalWith = (expr: Expr, file: string, symbols: ReadonlyMap<string, TfValue>): TfValue =>
    this.evaluator.evaluate(expr, file, { symbols });

  /** Memoised computation; re-entering the same key (a reference cycle) yields Unknown. */
  private cached(key: string, compute: () => TfValue): TfValue {
    const hit = this.memo.get(key);
    if (hit) {
      replayReads(hit.reads);
      return hit.value;
    }
    const activeKey = `${this.dir}\u0000${key}`;
    if (this.ctx.active.has(activeKey)) return unknown(`cycle through ${key}`);
    this.ctx.active.add(activeKey);
    try {
      return memoWithReads(this.memo, key, compute);
    } finally {
      this.ctx.active.delete(activeKey);
    }
  }

  variableValue(name: string): TfValue {
    const v = this.variables.get(name);
    if (!v) return unknown(`Reference to undeclared input variable "${name}"`, { error: true });
    return this.cached(`var.${name}`, () =>
      this.callers.length > 0
        ? calledVariableValue(v, this.callers)
        : rootVariableValue(v, [...this.decl.autoVarFiles, ...this.ctx.configuredVarFiles], (e, f) => this.evaluate(e, f)),
    );
  }

  localValue(name: string): TfValue {
    const l = this.locals.get(name);
    if (!l) return unknown(`Reference to undeclared local value "${name}"`, { error: true });
    return this.cached(`local.${name}`, () => this.evaluate(l.attribute.expr, l.attribute.file));
  }

  outputValue(name: string): TfValue {
    const o = this.outputs.get(name);
    if (!o) return unknown(`Unsupported attribute: no output "${name}"`, { error: true });
    const attr = o.valueAttribute;
    return this.cached(`output.${name}`, () => (attr ? this.evaluate(attr.expr, attr.file) : unknown('output has no value')));
  }

  resourceValue(address: string): TfValue | undefined {
    const r = this.resource(address) as ResourceView | undefined;
    if (!r) return undefined;
    return this.cached(address, () => instancesValue(address, r.count, r.forEach, (ref, symbols) => blockObject(r, ref, this.evalWith, symbols)));
  }

  moduleValue(name: string): TfValue | undefined {
    const call = this.moduleCalls.find((c) => c.name === name);
    if (!call) return undefined;
    const child = call.child;
    const count = call.block.attribute('count');
    const forEach = call.block.attribute('for_each');
    return this.cached(`module.${name}`, () =>
      instancesValue(`module.${name}`, count, forEach, (ref) => {
        if (!child) return { ...object(new Map()), open: ref };
        return object(new Map([...child.outputs.keys()].map((o) => [o, child.outputValue(o)])));
      }),
    );
  }

  /** The folder of the root module that loads this one (first caller chain); file() paths are relative to it. */
  rootDir(): string {
    const seen = new Set<M.TfModule>();
    let m: M.TfModule = this;
    while (m.callers.length > 0 && !seen.has(m)) {
      seen.add(m);
      m = m.callers[0].parent;
    }
    return m.dir;
  }

  get pathModule(): string {
    return relativePath(this.rootDir(), this.dir);
  }

  get functionContext(): FunctionContext {
    const read = this.ctx.readFile;
    if (!read) return {};
    return { readFile: (p: string) => {
      const resolved = joinPath(this.rootDir(), p);
      return resolved === undefined ? undefined : read(resolved);
    } };
  }

  // ---- references -----------------------------------------------------------------------------------

  referenceOf(expr: Expr, file: string): M.TfReference | undefined {
    return referenceOf(this, expr, file);
  }

  referencesIn(expr: Expr, file: string): readonly M.TfReference[] {
    return referencesIn(this, expr, file);
  }

  allReferences(): readonly M.TfReferenceUse[] {
    this.uses ??= collectReferenceUses(this, this.topBlocks);
    return this.uses;
  }

  referencesTo(target: M.TfResource | M.TfVariable | M.TfLocal | M.TfModuleCall): readonly M.TfReferenceUse[] {
    if (!this.usesByTarget) {
      this.usesByTarget = new Map();
      for (const u of this.allReferences()) {
        const t = u.reference.target;
        if (t === undefined) continue;
        let list = this.usesByTarget.get(t);
        if (!list) this.usesByTarget.set(t, (list = []));
        list.push(u);
      }
    }
    return this.usesByTarget.get(target) ?? [];
  }

  // ---- derived facts --------------------------------------------------------------------------------

  get azurermMajorVersion(): number | undefined {
    const chain = this.callerChain();
    for (const m of chain) {
      const lock = [...m.lockedProviders.values()].find((p) => isAzurermSource(p.address));
      const major = majorOfVersion(lock?.version);
      if (major !== undefined) return major;
    }
    for (const m of chain) {
      const req = [...m.requiredProviders.values()].find((p) => isAzurermSource(p.source) || (p.name === 'azurerm' && !p.source));
      const major = majorOfConstraint(req?.version);
      if (major !== undefined) return major;
    }
    return undefined;
  }

  /** this module, then its first caller, and so on up to the root */
  private callerChain(): M.TfModule[] {
    const chain: M.TfModule[] = [];
    for (let m: M.TfModule | undefined = this; m && !chain.includes(m); m = m.callers[0]?.parent) chain.push(m);
    return chain;
  }

  get kubernetesObjects(): readonly M.TfKubernetesObject[] {
    return (this.k8s = held(this.k8s, () => kubernetesObjectsOf(this))).value;
  }
}

const NONE: readonly M.TfResource[] = Object.freeze([]);
