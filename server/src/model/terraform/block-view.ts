import type { Attribute, Block, Label } from '../../syntax/hcl/ast';
import type { TfAttribute, TfBlock, TfModule } from './model-types';
import type { TfValue } from './value';
import { ANY, noteRead, recordReads, replayReads, trackingReads, type Reads } from './attribute-reads';

// TfBlock/TfAttribute: the small read API rules use over blocks. Values are computed on first access by the
// owning module's evaluator, so building views costs nothing until a rule asks.

// Reading an attribute's value, expression or node counts as reading its name (attribute-reads.ts); its name and
// range do not: a value edit changes neither the name nor anything but the range's end, which kept reports shift.
export class AttributeView implements TfAttribute {
  private cached: TfValue | undefined;
  /** what evaluating the value read (other attributes through references) */
  private reads: Reads | undefined;

  constructor(
    private readonly attribute: Attribute,
    readonly file: string,
    private readonly module: TfModule,
  ) {}

  get name(): string {
    return this.attribute.name.name;
  }
  get range() {
    return this.attribute.range;
  }
  get node(): Attribute {
    noteRead(this.attribute.name.name);
    return this.attribute;
  }
  get expr() {
    noteRead(this.attribute.name.name);
    return this.attribute.value;
  }
  get value(): TfValue {
    noteRead(this.attribute.name.name);
    if (this.cached) {
      replayReads(this.reads!); // set with every cached value
      return this.cached;
    }
    if (!trackingReads()) {
      this.reads = ANY; // not recorded: a hit must not look like reading nothing
      return (this.cached = this.module.evaluate(this.attribute.value, this.file));
    }
    const { value, reads } = recordReads(() => this.module.evaluate(this.attribute.value, this.file));
    this.reads = reads;
    return (this.cached = value);
  }
}

const NONE: readonly never[] = Object.freeze([]);

export class BlockView implements TfBlock {
  /**
   * Attribute views by body item index, made when first asked for (then kept: they cache values). An array, not
   * a name map: thousands of blocks stay in memory, a map per block cost more than the views, and bodies are short.
   */
  private views: (AttributeView | undefined)[] | undefined;
  private nested: BlockView[] | undefined;
  private labelValues: readonly string[] | undefined;

  constructor(
    readonly node: Block,
    readonly file: string,
    readonly module: TfModule,
  ) {}

  get blockType(): string {
    return this.node.type.name;
  }
  get labels(): readonly string[] {
    return (this.labelValues ??= this.node.labels.length === 0 ? NONE : this.node.labels.map((l: Label) => l.value));
  }
  get range() {
    return this.node.range;
  }

  private viewAt(index: number, item: Attribute): AttributeView {
    this.views ??= new Array<AttributeView | undefined>(this.node.body.items.length).fill(undefined);
    return (this.views[index] ??= new AttributeView(item, this.file, this.module));
  }

  attribute(name: string): TfAttribute | undefined {
    const items = this.node.body.items;
    // first definition wins; Terraform rejects duplicates anyway
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === 'Attribute' && item.name.name === name) return this.viewAt(i, item);
    }
    return undefined;
  }

  attributes(): readonly TfAttribute[] {
    const items = this.node.body.items;
    const out: AttributeView[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== 'Attribute' || seen.has(item.name.name)) continue;
      seen.add(item.name.name);
      out.push(this.viewAt(i, item));
    }
    return out;
  }

  blocks(type?: string): readonly TfBlock[] {
    this.nested ??= this.node.body.items
      .filter((i): i is Block => i.kind === 'Block')
      .map((b) => new BlockView(b, this.file, this.module));
    if (type === undefined) return this.nested;
    // Rules probe many block types a body does not have (catalogue paths, dynamic blocks): a miss allocates nothing.
    let matches = 0;
    for (const b of this.nested) if (b.node.type.name === type) matches++;
    if (matches === 0) return NONE;
    return matches === this.nested.length ? this.nested : this.nested.filter((b) => b.node.type.name === type);
  }

  block(type: string): TfBlock | undefined {
    const nested = this.blocks();
    for (let i = 0; i < nested.length; i++) if (nested[i].node.type.name === type) return nested[i];
    return undefined;
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
