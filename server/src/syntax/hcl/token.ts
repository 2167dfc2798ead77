// Token kinds of the HCL native syntax, as small integers so the scanner can store them in a flat array.
// A plain enum, not a const enum, so that users can bind it locally (`const Tok = TokKind`): tsx (tests, bench,
// dev) compiles file by file, and there every `Tok.X` read through an import is a CommonJS getter call, which
// made those reads the parser's hottest code. In the esbuild bundle both forms measure the same.
export enum Tok {
  EOF = 0,
  Newline,
  Ident,
  Number,
  /** `"` opening a quoted template */
  OQuote,
  /** `"` closing a quoted template */
  CQuote,
  /** literal text inside a quoted template or heredoc (raw, escapes unresolved) */
  StringLit,
  /** `${` */
  TemplateInterp,
  /** `%{` */
  TemplateControl,
  /** `}` closing `${` or `%{` */
  TemplateSeqEnd,
  /** `<<EOF` or `<<-EOF` including the line break */
  OHeredoc,
  /** the closing heredoc marker (leading indentation excluded) */
  CHeredoc,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  Question,
  Equal,
  FatArrow,
  Tilde,
  Bang,
  EqualOp,
  NotEqual,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  /** a character that starts no token */
  Invalid,
}

/** How a token kind is shown in diagnostics. */
export function describeToken(kind: Tok): string {
  return TOKEN_NAMES[kind] ?? 'token';
}

const TOKEN_NAMES: Record<number, string> = {
  [Tok.EOF]: 'end of file',
  [Tok.Newline]: 'newline',
  [Tok.Ident]: 'identifier',
  [Tok.Number]: 'number',
  [Tok.OQuote]: 'string',
  [Tok.CQuote]: "'\"'",
  [Tok.StringLit]: 'string',
  [Tok.TemplateInterp]: "'${'",
  [Tok.TemplateControl]: "'%{'",
  [Tok.TemplateSeqEnd]: "'}'",
  [Tok.OHeredoc]: 'heredoc',
  [Tok.CHeredoc]: 'heredoc end marker',
  [Tok.LBrace]: "'{'",
  [Tok.RBrace]: "'}'",
  [Tok.LBrack]: "'['",
  [Tok.RBrack]: "']'",
  [Tok.LParen]: "'('",
  [Tok.RParen]: "')'",
  [Tok.Comma]: "','",
  [Tok.Dot]: "'.'",
  [Tok.Ellipsis]: "'...'",
  [Tok.Colon]: "':'",
  [Tok.Question]: "'?'",
  [Tok.Equal]: "'='",
  [Tok.FatArrow]: "'=>'",
  [Tok.Tilde]: "'~'",
  [Tok.Bang]: "'!'",
  [Tok.EqualOp]: "'=='",
  [Tok.NotEqual]: "'!='",
  [Tok.Lt]: "'<'",
  [Tok.Le]: "'<='",
  [Tok.Gt]: "'>'",
  [Tok.Ge]: "'>='",
  [Tok.And]: "'&&'",
  [Tok.Or]: "'||'",
  [Tok.Plus]: "'+'",
  [Tok.Minus]: "'-'",
  [Tok.Star]: "'*'",
  [Tok.Slash]: "'/'",
  [Tok.Percent]: "'%'",
  [Tok.Invalid]: 'invalid character',
};
