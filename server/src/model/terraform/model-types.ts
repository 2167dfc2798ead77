import type { TextRange } from '../../text/text-range';
import type { Attribute, Block, Expr } from '../../syntax/hcl/ast';
import type { K8sObject } from '../kubernetes/object';
import type { TfValue, ValueRef } from './value';

// Public shape of the Terraform model. Everything is read-only; values are evaluated lazily and memoised
// per model build. Ranges are offsets into `file` (posix path relative to the workspace root).

/** An attribute as written, with its statically evaluated value. */
export interface TfAttribute {
  readonly name: string;
  readonly file: string;
  readonly node: Attribute;
  /** the whole `name = value` */
  readonly range: TextRange;
  readonly expr: Expr;
  /** evaluated on first access (Unknown when not statically known) */
  readonly value: TfValue;
}

/** Read API over any block (resource, nested block, provider, variable, ...). */
export interface TfBlock {
  readonly file: string;
  readonly node: Block;
  /** block type as written: `resource`, `network_profile`, ... */
  readonly blockType: string;
  readonly labels: readonly string[];
  readonly range: TextRange;
  /** the module whose scope evaluates this block's expressions */
  readonly module: TfModule;
  attribute(name: string): TfAttribute | undefined;
  attributes(): readonly TfAttribute[];
  /** nested blocks of one type (or all) in source order; `dynamic` blocks are not expanded */
  blocks(type?: string): readonly TfBlock[];
  block(type: string): TfBlock | undefined;
  /** true when a `dynamic "<type>"` block generates blocks of this type (their content is not known) */
  hasDynamic(type: string): boolean;
  /**
   * Attribute by dotted path through nested blocks: `network_profile.service_cidr` or with an explicit block
   * index `default_node_pool.0.zones`. Without an index the first block of that type is used.
   */
  attr(path: string): TfAttribute | undefined;
}

export type TfResourceMode = 'managed' | 'data';

export interface TfResource extends TfBlock {
  readonly mode: TfResourceMode;
  readonly type: string;
  readonly name: string;
  /** `azurerm_subnet.s` or `data.azurerm_client_config.c` */
  readonly address: string;
  readonly typeRange: TextRange;
  readonly nameRange: TextRange;
  readonly count: TfAttribute | undefined;
  readonly forEach: TfAttribute | undefined;
  /** true with count or for_each: references then need an instance key */
  readonly isCollection: boolean;
}

export interface TfVariable {
  readonly name: string;
  readonly block: TfBlock;
  readonly nameRange: TextRange;
  readonly type: TfAttribute | undefined;
  readonly default: TfAttribute | undefined;
  readonly validations: readonly TfBlock[];
  /** the value after Terraform's precedence (see TfModule.variableValue) */
  readonly value: TfValue;
}

export interface TfLocal {
  readonly name: string;
  readonly attribute: TfAttribute;
}

export interface TfOutput {
  readonly name: string;
  readonly block: TfBlock;
  readonly nameRange: TextRange;
  readonly valueAttribute: TfAttribute | undefined;
}

export interface TfProvider {
  /** local name: `azurerm`, `kubernetes` */
  readonly name: string;
  readonly alias: string | undefined;
  readonly block: TfBlock;
}

export interface TfRequiredProvider {
  readonly name: string;
  /** `hashicorp/azurerm` when written (undefined for the legacy string form) */
  readonly source: string | undefined;
  /** version constraint text, e.g. `~> 4.0` */
  readonly version: string | undefined;
  readonly file: string;
  readonly range: TextRange;
}

export interface TfLockedProvider {
  /** `registry.terraform.io/hashicorp/azurerm` */
  readonly address: string;
  readonly version: string | undefined;
  readonly constraints: string | undefined;
  readonly file: string;
  readonly range: TextRange;
}

export interface TfModuleCall {
  readonly name: string;
  readonly block: TfBlock;
  readonly source: string | undefined;
  /** the loaded child module for local sources (`./x`, `../y`), else undefined */
  readonly child: TfModule | undefined;
  /** arguments other than meta-arguments, i.e. the child's inputs */
  readonly inputs: ReadonlyMap<string, TfAttribute>;
  /** the module that contains this call */
  readonly parent: TfModule;
}

/** A syntactic reference: "this expression is attribute path `path` of `address`". */
export interface TfReference extends ValueRef {
  readonly kind: 'resource' | 'data' | 'variable' | 'local' | 'module' | 'count' | 'each' | 'self' | 'path' | 'terraform';
  /** the declaration referred to, when it exists in this module */
  readonly target: TfResource | TfVariable | TfLocal | TfModuleCall | undefined;
  readonly file: string;
  /** the whole traversal, e.g. `azurerm_x.n.principal_id` */
  readonly range: TextRange;
  readonly node: Expr;
}

/** A reference together with the attribute that contains it. */
export interface TfReferenceUse {
  readonly reference: TfReference;
  /** the top-level block holding the attribute (resource, module, output, locals, ...) */
  readonly owner: TfBlock;
  /** the attribute whose value contains the reference (possibly nested in blocks of `owner`) */
  readonly attribute: TfAttribute;
  /** dotted path of that attribute inside `owner`: `kubelet_identity.0.object_id`, `principal_id` */
  readonly attributePath: string;
}

export interface TfModule {
  /** folder, posix, relative to the workspace root; `.` for the root folder */
  readonly dir: string;
  /** the module's .tf files */
  readonly files: readonly string[];
  /** `path.module` as Terraform reports it: relative to the root module that loads this one (`.` for a root) */
  readonly pathModule: string;
  readonly resources: readonly TfResource[];
  readonly dataSources: readonly TfResource[];
  readonly variables: ReadonlyMap<string, TfVariable>;
  readonly locals: ReadonlyMap<string, TfLocal>;
  readonly outputs: ReadonlyMap<string, TfOutput>;
  readonly providers: readonly TfProvider[];
  readonly requiredProviders: ReadonlyMap<string, TfRequiredProvider>;
  /** from `.terraform.lock.hcl` in this folder, keyed by provider address */
  readonly lockedProviders: ReadonlyMap<string, TfLockedProvider>;
  readonly moduleCalls: readonly TfModuleCall[];
  /** calls in other modules that load this one; empty for a root module */
  readonly callers: readonly TfModuleCall[];
  /** azurerm major version per aks-rules.md 1.4 (lock file, then constraint; callers' too); undefined if unknown */
  readonly azurermMajorVersion: number | undefined;
  /** Kubernetes objects declared by kubernetes_* resources, where statically known */
  readonly kubernetesObjects: readonly TfKubernetesObject[];
  resourcesOfType(type: string): readonly TfResource[];
  /** `azurerm_x.n` or `data.t.n` */
  resource(address: string): TfResource | undefined;
  /** static value of an expression written in `file` of this module */
  evaluate(expr: Expr, file: string): TfValue;
  variableValue(name: string): TfValue;
  localValue(name: string): TfValue;
  outputValue(name: string): TfValue;
  /** the reference an expression is, when it is a traversal (`a.b[0].c`) */
  referenceOf(expr: Expr, file: string): TfReference | undefined;
  /** every reference inside an expression */
  referencesIn(expr: Expr, file: string): readonly TfReference[];
  /** every use in this module of a resource / data source / variable / local / module call */
  referencesTo(target: TfResource | TfVariable | TfLocal | TfModuleCall): readonly TfReferenceUse[];
  allReferences(): readonly TfReferenceUse[];
}

export interface TerraformModel {
  /** one per folder with .tf files, sorted by dir */
  readonly modules: readonly TfModule[];
  /** modules nobody calls */
  readonly roots: readonly TfModule[];
  module(dir: string): TfModule | undefined;
  /** across all modules */
  resourcesOfType(type: string): readonly TfResource[];
  readonly kubernetesObjects: readonly TfKubernetesObject[];
}

/** A Kubernetes object and the kubernetes_* resource that declares it. */
export interface TfKubernetesObject {
  readonly object: K8sObject;
  readonly resource: TfResource;
  /**
   * `create`: the resource creates the object (kubernetes_config_map, _service_account, _manifest);
   * `patch`: it only manages fields of an existing object (kubernetes_config_map_v1_data).
   */
  readonly management: 'create' | 'patch';
}
