import type { Attribute, Block, Label } from '../../syntax/hcl/ast';
import type { TfAttribute, TfBlock, TfModule } from './model-types';
import type { TfValue } from './value';

// TfBlock/TfAttribute: the small read API rules use over blocks. Values are computed on first access by the
// owning module's evaluator, so building views costs nothing until a rule asks.

export class AttributeView implements TfAttribute {
  private cached: TfValue | undefined;

  constructor(
    readonly node: Attribute,
    readonly file: string,
    private readonly module: TfModule,
  ) {}

  get name(): string {
    return this.node.name.name;
  }
  get range() {
    return this.node.range;
  }
  get expr() {
    return this.node.value;
  }
  get value(): TfValue {
    this.cached ??= this.module.evaluate(this.node.value, this.file);
    return this.cached;
  }
}

export class BlockView implements TfBlock {
  private attrs: Map<string, AttributeView> | undefined;
  private nested: BlockView[] | undefined;

  constructor(
    readonly node: Block,
    readonly file: string,
    readonly module: TfModule,
  ) {}

  get blockType(): string {
    return this.node.type.name;
  }
  get labels(): readonly string[] {
    return this.node.labels.map((l: Label) => l.value);
  }
  get range() {
    return this.node.range;
  }

  private attributeMap(): Map<string, AttributeView> {
    if (!this.attrs) {
      this.attrs = new Map();
      for (const item of this.node.body.items) {
        // first definition wins; Terraform rejects duplicates anyway
        if (item.kind === 'Attribute' && !this.attrs.has(item.name.name)) {
          this.attrs.set(item.name.name, new AttributeView(item, this.file, this.module));
        }
      }
    }
    return this.attrs;
  }

  attribute(name: string): TfAttribute | undefined {
    return this.attributeMap().get(name);
  }

  attributes(): readonly TfAttribute[] {
    return [...this.attributeMap().values()];
  }

  blocks(type?: string): readonly TfBlock[] {
    this.nested ??= this.node.body.items
      .filter((i): i is Block => i.kind === 'Block')
      .map((b) => new BlockView(b, this.file, this.module));
    return type === undefined ? this.nested : this.nested.filter((b) => b.blockType === type);
  }

  block(type: string): TfBlock | undefined {
    return this.blocks(type)[0];
  }

  hasDynamic(type: string): boolean {
    return this.blocks('dynamic').some((b) => b.labels[0] === type);
  }

  attr(path: string): TfAttribute | undefined {
    const steps = path.split('.');
    let block: TfBlock | undefined = this;
    for (let i = 0; i < steps.length - 1 && block; i++) {
      const index = /^\d+$/.test(steps[i + 1]) ? Number(steps[i + 1]) : 0;
      block = block.blocks(steps[i])[index] as TfBlock | undefined;
      if (/^\d+$/.test(steps[i + 1] ?? '')) i++;
    }
    return block?.attribute(steps[steps.length - 1]);
  }
}
