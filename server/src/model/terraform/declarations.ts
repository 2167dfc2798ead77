import type { Block } from '../../syntax/hcl/ast';
import { BlockView } from './block-view';
import type {
  TfAttribute,
  TfBlock,
  TfLocal,
  TfLockedProvider,
  TfModule,
  TfModuleCall,
  TfOutput,
  TfProvider,
  TfRequiredProvider,
  TfResource,
  TfResourceMode,
  TfVariable,
} from './model-types';
import { stringOf, type TfValue } from './value';

// Views over top-level blocks: resources, variables, locals, outputs, providers, module calls, required_providers
// and lock-file entries. They hold AST nodes and compute values through their module on demand.

export class ResourceView extends BlockView implements TfResource {
  // Asked thousands of times per run (index keys, every trace and reference); the node never changes, so both are
  // worked out once. A fresh address string per call also cost a re-hash on every Map lookup.
  private addressText: string | undefined;
  private collection: boolean | undefined;

  constructor(
    node: Block,
    file: string,
    module: TfModule,
    readonly mode: TfResourceMode,
  ) {
    super(node, file, module);
  }
  get type(): string {
    return this.node.labels[0].value;
  }
  get name(): string {
    return this.node.labels[1].value;
  }
  get address(): string {
    return (this.addressText ??= `${this.mode === 'data' ? 'data.' : ''}${this.type}.${this.name}`);
  }
  get typeRange() {
    return this.node.labels[0].range;
  }
  get nameRange() {
    return this.node.labels[1].range;
  }
  get count(): TfAttribute | undefined {
    return this.attribute('count');
  }
  get forEach(): TfAttribute | undefined {
    return this.attribute('for_each');
  }
  get isCollection(): boolean {
    return (this.collection ??= this.count !== undefined || this.forEach !== undefined);
  }
}

export class VariableView implements TfVariable {
  constructor(readonly block: TfBlock) {}
  get name(): string {
    return this.block.labels[0];
  }
  get nameRange() {
    return this.block.node.labels[0].range;
  }
  get type() {
    return this.block.attribute('type');
  }
  get default() {
    return this.block.attribute('default');
  }
  get validations() {
    return this.block.blocks('validation');
  }
  get value(): TfValue {
    return this.block.module.variableValue(this.name);
  }
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export class ModuleCallView implements TfModuleCall {
  child: TfModule | undefined;
  constructor(
    readonly block: TfBlock,
    readonly parent: TfModule,
  ) {}
  get name(): string {
    return this.block.labels[0];
  }
  get source(): string | undefined {
    return literalString(this.block.attribute('source'));
  }
  get inputs(): ReadonlyMap<string, TfAttribute> {
    return new Map(this.block.attributes().filter((a) => !MODULE_META.has(a.name)).map((a) => [a.name, a]));
  }
}

/** A string written literally (no references), as source/version/alias are. */
export function literalString(a: TfAttribute | undefined): string | undefined {
  return stringOf(a?.value);
}

export function localsOf(block: TfBlock): TfLocal[] {
  return block.attributes().map((attribute) => ({ name: attribute.name, attribute }));
}

export function outputOf(block: TfBlock): TfOutput {
  return { name: block.labels[0], block, nameRange: block.node.labels[0].range, valueAttribute: block.attribute('value') };
}

export function providerOf(block: TfBlock): TfProvider {
  return { name: block.labels[0], alias: literalString(block.attribute('alias')), block };
}

/** `terraform { required_providers { azurerm = { source = ..., version = ... } } }`, legacy `azurerm = "~> 2.0"` too. */
export function requiredProvidersOf(terraformBlock: TfBlock): TfRequiredProvider[] {
  return terraformBlock.blocks('required_providers').flatMap((rp) =>
    rp.attributes().map((a) => {
      const v = a.value;
      const field = (k: string) => (v.kind === 'object' ? stringOf(v.entries.get(k)) : undefined);
      return {
        name: a.name,
        source: field('source'),
        version: v.kind === 'string' ? v.value : field('version'),
        file: a.file,
        range: a.range,
      };
    }),
  );
}

export function lockedProvidersOf(file: string, blocks: readonly Block[], module: TfModule): TfLockedProvider[] {
  return blocks
    .filter((b) => b.type.name === 'provider' && b.labels.length > 0)
    .map((b) => {
      const view = new BlockView(b, file, module);
      return {
        address: b.labels[0].value,
        version: literalString(view.attribute('version')),
        constraints: literalString(view.attribute('constraints')),
        file,
        range: b.range,
      };
    });
}

