import type { TextRange } from '../../text/text-range';
import type { SyntaxDiagnostic } from '../syntax-diagnostic';

// The HCL native-syntax tree. Every node has a half-open UTF-16 offset range into the original text
// (a BOM, if any, occupies offset 0 and belongs to no node). The tree knows nothing of Terraform.
//
// How ranges are held (ast-nodes.ts): the parser builds class instances whose offsets are own numeric fields
// (`start`, `end`; token sub-ranges such as Attribute.equals as one offset), and `range`, `equals`, `openBrace`, ...
// are prototype getters that return a new plain {start, end} on each read. Parses are kept for the whole workspace,
// and a separate range object per node and token was most of the retained tree; the read-time object dies young.
// So a `range` read is a plain value, safe to store in findings and to serialise, but not the same object twice:
// compare ranges by their offsets, never by identity. `kind` is a constant on each class's prototype (one field less
// per node). A spread (`{ ...node }`) or JSON.stringify of a node copies only the own fields (start/end, the token
// offsets, the children), not `kind` nor the getters: build new objects field by field. Deep strict equality of two
// trees still compares everything: the offsets are own fields and the prototype stands for the kind.

export interface Node {
  readonly kind: string;
  /** the same as range.start, without making the range object (for hot paths) */
  readonly start: number;
  readonly end: number;
  readonly range: TextRange;
}

export interface Comment {
  readonly style: '#' | '//' | '/*';
  /** the whole comment including its markers (a line comment excludes the line break) */
  readonly range: TextRange;
  readonly text: string;
}

export interface HclFile extends Node {
  readonly kind: 'File';
  readonly body: Body;
  /** every comment in the file, in order: suppressions and fix placement need them */
  readonly comments: readonly Comment[];
}

export interface ParseResult {
  readonly file: HclFile;
  readonly diagnostics: readonly SyntaxDiagnostic[];
}

export interface Identifier extends Node {
  readonly kind: 'Identifier';
  readonly name: string;
}

export interface Body extends Node {
  readonly kind: 'Body';
  readonly items: readonly BodyItem[];
}

export type BodyItem = Attribute | Block;

export interface Attribute extends Node {
  readonly kind: 'Attribute';
  readonly name: Identifier;
  readonly equals: TextRange;
  /** an Invalid node when the value is missing or broken */
  readonly value: Expr;
}

export interface Block extends Node {
  readonly kind: 'Block';
  readonly type: Identifier;
  readonly labels: readonly Label[];
  /** undefined when the brace is missing (the parser reported it) */
  readonly openBrace: TextRange | undefined;
  readonly body: Body;
  readonly closeBrace: TextRange | undefined;
}

export interface Label extends Node {
  readonly kind: 'Label';
  /** the label's value: unescaped for quoted labels */
  readonly value: string;
  readonly quoted: boolean;
}

export type Expr =
  | NumberLit
  | BoolLit
  | NullLit
  | Template
  | Variable
  | GetAttr
  | Index
  | Splat
  | SplatItem
  | Call
  | Tuple
  | ObjectCons
  | For
  | Conditional
  | Unary
  | Binary
  | Parens
  | Invalid;

export interface NumberLit extends Node {
  readonly kind: 'Number';
  readonly value: number;
  /** source spelling, kept for numbers beyond double precision */
  readonly raw: string;
}

export interface BoolLit extends Node {
  readonly kind: 'Bool';
  readonly value: boolean;
}

export interface NullLit extends Node {
  readonly kind: 'Null';
}

/** A quoted string or heredoc. A plain string is a Template with a single Literal part (or none). */
export interface Template extends Node {
  readonly kind: 'Template';
  readonly parts: readonly TemplatePart[];
  /** undefined for quoted strings */
  readonly heredoc?: { readonly marker: string; readonly indented: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterp | TemplateIf | TemplateFor;

export interface TemplateLiteral extends Node {
  readonly kind: 'TemplateLiteral';
  /** unescaped text (escapes, `$${` and `%%{` resolved; heredoc indentation of `<<-` removed) */
  readonly value: string;
}

export interface Strip {
  readonly left: boolean;
  readonly right: boolean;
}

export interface TemplateInterp extends Node {
  readonly kind: 'TemplateInterp';
  readonly expr: Expr;
  readonly strip: Strip;
}

export interface TemplateIf extends Node {
  readonly kind: 'TemplateIf';
  readonly condition: Expr;
  readonly then: readonly TemplatePart[];
  readonly else: readonly TemplatePart[] | undefined;
}

export interface TemplateFor extends Node {
  readonly kind: 'TemplateFor';
  readonly keyVar: Identifier | undefined;
  readonly valueVar: Identifier;
  readonly collection: Expr;
  readonly body: readonly TemplatePart[];
}

/** A root name: `var`, `local`, `azurerm_subnet`, `each`, `count`, or a for-expression symbol. */
export interface Variable extends Node {
  readonly kind: 'Variable';
  readonly name: string;
}

/** `object.name` */
export interface GetAttr extends Node {
  readonly kind: 'GetAttr';
  readonly object: Expr;
  readonly name: Identifier;
}

/** `object[key]`, or the legacy `object.0` (legacy = true, key is a Number) */
export interface Index extends Node {
  readonly kind: 'Index';
  readonly object: Expr;
  readonly key: Expr;
  readonly legacy: boolean;
}

/**
 * `source.*.a.b` (full = false, attribute-only splat) or `source[*].a[0]` (full = true).
 * `each` is the traversal applied to every element, rooted at a SplatItem.
 */
export interface Splat extends Node {
  readonly kind: 'Splat';
  readonly source: Expr;
  readonly each: Expr;
  readonly full: boolean;
}

/** The anonymous element inside Splat.each; its range is the `.*` or `[*]` marker. */
export interface SplatItem extends Node {
  readonly kind: 'SplatItem';
}

export interface Call extends Node {
  readonly kind: 'Call';
  /** full name, `provider::ns::fn` included */
  readonly name: Identifier;
  readonly args: readonly Expr[];
  /** the last argument ends with `...` */
  readonly expandFinal: boolean;
  /** range of the parentheses, for placing argument edits */
  readonly openParen: TextRange;
  readonly closeParen: TextRange | undefined;
}

export interface Tuple extends Node {
  readonly kind: 'Tuple';
  readonly items: readonly Expr[];
}

export interface ObjectCons extends Node {
  readonly kind: 'Object';
  readonly items: readonly ObjectItem[];
}

export interface ObjectItem extends Node {
  readonly kind: 'ObjectItem';
  /** a bare identifier key is a Variable (meaning the literal name); `(expr)` keys are Parens */
  readonly key: Expr;
  /** `=` or `:` */
  readonly separator: TextRange;
  readonly value: Expr;
}

export interface For extends Node {
  readonly kind: 'For';
  /** `{ for ... : k => v }` (true) or `[ for ... : v ]` (false) */
  readonly object: boolean;
  readonly keyVar: Identifier | undefined;
  readonly valueVar: Identifier;
  readonly collection: Expr;
  /** present only in the object form */
  readonly keyExpr: Expr | undefined;
  readonly valueExpr: Expr;
  readonly condition: Expr | undefined;
  /** the `...` grouping marker of the object form */
  readonly grouping: boolean;
}

export interface Conditional extends Node {
  readonly kind: 'Conditional';
  readonly condition: Expr;
  readonly trueExpr: Expr;
  readonly falseExpr: Expr;
}

export interface Unary extends Node {
  readonly kind: 'Unary';
  readonly op: '!' | '-';
  readonly operand: Expr;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly opRange: TextRange;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Parens extends Node {
  readonly kind: 'Parens';
  readonly expr: Expr;
}

/** Placeholder where an expression was expected but missing or unparseable (zero-width when missing). */
export interface Invalid extends Node {
  readonly kind: 'Invalid';
}
