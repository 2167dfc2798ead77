import type * as A from './ast';
import type { TextRange } from '../../text/text-range';

// The classes the parser builds the tree from (ast.ts explains why ranges are getters). One class per kind keeps each
// node's fields in one hidden class; constructors take the offsets first, then the fields in ast.ts order. The kind
// is set on the prototype (kindOf, at the end), not per node.
// Token-sized sub-ranges (`=`, braces, parentheses, separators, operators) are kept as the offset of their first
// character: their length is fixed by the token, so the range is rebuilt on read like `range` is.

/**
 * Offsets as own fields, the `range` object made on each read (it dies young; the retained tree stays small).
 * Each subclass defines the offsets itself: fields defined here would be stored by one piece of code for every
 * kind, a megamorphic store that made parsing 3.5x slower (measured); per-class stores stay monomorphic.
 */
abstract class Spanned {
  abstract readonly start: number;
  abstract readonly end: number;

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

/** Puts the kind on the class's prototype; typed so it must match the class's declared kind. */
function kindOf<K extends string>(cls: { prototype: { readonly kind: K } }, kind: K): void {
  Object.defineProperty(cls.prototype, 'kind', { value: kind });
}

/** The range of a token of `length` characters at `at`. */
function token(at: number, length = 1): TextRange {
  return { start: at, end: at + length };
}

/** A one-character token at `at`, or undefined when it is missing (at = -1). */
function optionalToken(at: number): TextRange | undefined {
  return at < 0 ? undefined : token(at);
}

export class FileNode extends Spanned implements A.HclFile {
  declare readonly kind: 'File';
  constructor(readonly start: number, readonly end: number, readonly body: A.Body, readonly comments: readonly A.Comment[]) {
    super();
  }
}

export class IdentifierNode extends Spanned implements A.Identifier {
  declare readonly kind: 'Identifier';
  constructor(readonly start: number, readonly end: number, readonly name: string) {
    super();
  }
}

export class BodyNode extends Spanned implements A.Body {
  declare readonly kind: 'Body';
  constructor(readonly start: number, readonly end: number, readonly items: readonly A.BodyItem[]) {
    super();
  }
}

export class AttributeNode extends Spanned implements A.Attribute {
  declare readonly kind: 'Attribute';
  /** @param equalsAt offset of the `=` */
  constructor(readonly start: number, readonly end: number, readonly name: A.Identifier, readonly equalsAt: number, readonly value: A.Expr) {
    super();
  }

  get equals(): TextRange {
    return token(this.equalsAt);
  }
}

export class BlockNode extends Spanned implements A.Block {
  declare readonly kind: 'Block';
  /** @param openAt, closeAt offsets of the braces; -1 when missing */
  constructor(readonly start: number, readonly end: number, readonly type: A.Identifier, readonly labels: readonly A.Label[], readonly openAt: number, readonly body: A.Body, readonly closeAt: number) {
    super();
  }

  get openBrace(): TextRange | undefined {
    return optionalToken(this.openAt);
  }

  get closeBrace(): TextRange | undefined {
    return optionalToken(this.closeAt);
  }
}

export class LabelNode extends Spanned implements A.Label {
  declare readonly kind: 'Label';
  constructor(readonly start: number, readonly end: number, readonly value: string, readonly quoted: boolean) {
    super();
  }
}

export class NumberNode extends Spanned implements A.NumberLit {
  declare readonly kind: 'Number';
  constructor(readonly start: number, readonly end: number, readonly value: number, readonly raw: string) {
    super();
  }
}

export class BoolNode extends Spanned implements A.BoolLit {
  declare readonly kind: 'Bool';
  constructor(readonly start: number, readonly end: number, readonly value: boolean) {
    super();
  }
}

export class NullNode extends Spanned implements A.NullLit {
  declare readonly kind: 'Null';
  constructor(readonly start: number, readonly end: number) {
    super();
  }
}

/** A quoted string; heredocs are the subclass, so quoted strings (the many) carry no `heredoc` field. */
export class TemplateNode extends Spanned implements A.Template {
  declare readonly kind: 'Template';
  constructor(readonly start: number, readonly end: number, readonly parts: readonly A.TemplatePart[]) {
    super();
  }
}

export class HeredocNode extends TemplateNode {
  constructor(start: number, end: number, parts: readonly A.TemplatePart[], readonly heredoc: NonNullable<A.Template['heredoc']>) {
    super(start, end, parts);
  }
}

export class TemplateLiteralNode extends Spanned implements A.TemplateLiteral {
  declare readonly kind: 'TemplateLiteral';
  constructor(readonly start: number, readonly end: number, readonly value: string) {
    super();
  }
}

export class TemplateInterpNode extends Spanned implements A.TemplateInterp {
  declare readonly kind: 'TemplateInterp';
  constructor(readonly start: number, readonly end: number, readonly expr: A.Expr, readonly strip: A.Strip) {
    super();
  }
}

export class TemplateIfNode extends Spanned implements A.TemplateIf {
  declare readonly kind: 'TemplateIf';
  readonly else: readonly A.TemplatePart[] | undefined;
  constructor(readonly start: number, readonly end: number, readonly condition: A.Expr, readonly then: readonly A.TemplatePart[], elseParts: readonly A.TemplatePart[] | undefined) {
    super();
    this.else = elseParts;
  }
}

export class TemplateForNode extends Spanned implements A.TemplateFor {
  declare readonly kind: 'TemplateFor';
  constructor(readonly start: number, readonly end: number, readonly keyVar: A.Identifier | undefined, readonly valueVar: A.Identifier, readonly collection: A.Expr, readonly body: readonly A.TemplatePart[]) {
    super();
  }
}

export class VariableNode extends Spanned implements A.Variable {
  declare readonly kind: 'Variable';
  constructor(readonly start: number, readonly end: number, readonly name: string) {
    super();
  }
}

export class GetAttrNode extends Spanned implements A.GetAttr {
  declare readonly kind: 'GetAttr';
  constructor(readonly start: number, readonly end: number, readonly object: A.Expr, readonly name: A.Identifier) {
    super();
  }
}

export class IndexNode extends Spanned implements A.Index {
  declare readonly kind: 'Index';
  constructor(readonly start: number, readonly end: number, readonly object: A.Expr, readonly key: A.Expr, readonly legacy: boolean) {
    super();
  }
}

export class SplatNode extends Spanned implements A.Splat {
  declare readonly kind: 'Splat';
  constructor(readonly start: number, readonly end: number, readonly source: A.Expr, readonly each: A.Expr, readonly full: boolean) {
    super();
  }
}

export class SplatItemNode extends Spanned implements A.SplatItem {
  declare readonly kind: 'SplatItem';
  constructor(readonly start: number, readonly end: number) {
    super();
  }
}

export class CallNode extends Spanned implements A.Call {
  declare readonly kind: 'Call';
  /** @param openAt, closeAt offsets of the parentheses; closeAt -1 when missing */
  constructor(readonly start: number, readonly end: number, readonly name: A.Identifier, readonly args: readonly A.Expr[], readonly expandFinal: boolean, readonly openAt: number, readonly closeAt: number) {
    super();
  }

  get openParen(): TextRange {
    return token(this.openAt);
  }

  get closeParen(): TextRange | undefined {
    return optionalToken(this.closeAt);
  }
}

export class TupleNode extends Spanned implements A.Tuple {
  declare readonly kind: 'Tuple';
  constructor(readonly start: number, readonly end: number, readonly items: readonly A.Expr[]) {
    super();
  }
}

export class ObjectNode extends Spanned implements A.ObjectCons {
  declare readonly kind: 'Object';
  constructor(readonly start: number, readonly end: number, readonly items: readonly A.ObjectItem[]) {
    super();
  }
}

export class ObjectItemNode extends Spanned implements A.ObjectItem {
  declare readonly kind: 'ObjectItem';
  /** @param separatorAt offset of the `=` or `:` */
  constructor(readonly start: number, readonly end: number, readonly key: A.Expr, readonly separatorAt: number, readonly value: A.Expr) {
    super();
  }

  get separator(): TextRange {
    return token(this.separatorAt);
  }
}

export class ForNode extends Spanned implements A.For {
  declare readonly kind: 'For';
  constructor(
    readonly start: number,
    readonly end: number,
    readonly object: boolean,
    readonly keyVar: A.Identifier | undefined,
    readonly valueVar: A.Identifier,
    readonly collection: A.Expr,
    readonly keyExpr: A.Expr | undefined,
    readonly valueExpr: A.Expr,
    readonly condition: A.Expr | undefined,
    readonly grouping: boolean,
  ) {
    super();
  }
}

export class ConditionalNode extends Spanned implements A.Conditional {
  declare readonly kind: 'Conditional';
  constructor(readonly start: number, readonly end: number, readonly condition: A.Expr, readonly trueExpr: A.Expr, readonly falseExpr: A.Expr) {
    super();
  }
}

export class UnaryNode extends Spanned implements A.Unary {
  declare readonly kind: 'Unary';
  constructor(readonly start: number, readonly end: number, readonly op: A.Unary['op'], readonly operand: A.Expr) {
    super();
  }
}

export class BinaryNode extends Spanned implements A.Binary {
  declare readonly kind: 'Binary';
  /** @param opAt offset of the operator (its length is op.length) */
  constructor(readonly start: number, readonly end: number, readonly op: A.BinaryOp, readonly opAt: number, readonly left: A.Expr, readonly right: A.Expr) {
    super();
  }

  get opRange(): TextRange {
    return token(this.opAt, this.op.length);
  }
}

export class ParensNode extends Spanned implements A.Parens {
  declare readonly kind: 'Parens';
  constructor(readonly start: number, readonly end: number, readonly expr: A.Expr) {
    super();
  }
}

export class InvalidNode extends Spanned implements A.Invalid {
  declare readonly kind: 'Invalid';
  constructor(readonly start: number, readonly end: number) {
    super();
  }
}

// kinds live on the prototypes: one field less per node
kindOf(FileNode, 'File');
kindOf(IdentifierNode, 'Identifier');
kindOf(BodyNode, 'Body');
kindOf(AttributeNode, 'Attribute');
kindOf(BlockNode, 'Block');
kindOf(LabelNode, 'Label');
kindOf(NumberNode, 'Number');
kindOf(BoolNode, 'Bool');
kindOf(NullNode, 'Null');
kindOf(TemplateNode, 'Template');
kindOf(TemplateLiteralNode, 'TemplateLiteral');
kindOf(TemplateInterpNode, 'TemplateInterp');
kindOf(TemplateIfNode, 'TemplateIf');
kindOf(TemplateForNode, 'TemplateFor');
kindOf(VariableNode, 'Variable');
kindOf(GetAttrNode, 'GetAttr');
kindOf(IndexNode, 'Index');
kindOf(SplatNode, 'Splat');
kindOf(SplatItemNode, 'SplatItem');
kindOf(CallNode, 'Call');
kindOf(TupleNode, 'Tuple');
kindOf(ObjectNode, 'Object');
kindOf(ObjectItemNode, 'ObjectItem');
kindOf(ForNode, 'For');
kindOf(ConditionalNode, 'Conditional');
kindOf(UnaryNode, 'Unary');
kindOf(BinaryNode, 'Binary');
kindOf(ParensNode, 'Parens');
kindOf(InvalidNode, 'Invalid');
