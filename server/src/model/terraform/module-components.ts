import type { Block } from '../../syntax/hcl/ast';
import type { ModuleDecl } from './decode-module';
import { joinPath } from './posix-path';

// Groups module folders into linked components (folders joined by local module calls, either direction), from the
// decoded declarations alone: a rebuild can then keep the modules of every component whose folders are unchanged.

/** Local module sources of a folder, or undefined when one is not a plain quoted string (its target needs evaluation). */
const sourcesByDecl = new WeakMap<ModuleDecl, readonly string[] | null>();

function localSources(decl: ModuleDecl): readonly string[] | undefined {
  let found = sourcesByDecl.get(decl);
  if (found === undefined) sourcesByDecl.set(decl, (found = scanSources(decl)));
  return found ?? undefined;
}

function scanSources(decl: ModuleDecl): readonly string[] | null {
  const out: string[] = [];
  for (const { node } of decl.blocks) {
    if (node.type.name !== 'module' || node.labels.length < 1) continue;
    const source = literalSource(node);
    if (source === null) return null;
    if (source !== undefined) out.push(source);
  }
  return out;
}

/** The first `source` attribute (first wins, as BlockView does) as written; null when it is not a literal string. */
function literalSource(node: Block): string | undefined | null {
  for (const item of node.body.items) {
    if (item.kind !== 'Attribute' || item.name.name !== 'source') continue;
    const e = item.value;
    // an all-literal quoted string evaluates to the concatenation of its parts; anything else might depend on context
    if (e.kind !== 'Template' || e.heredoc || e.parts.some((p) => p.kind !== 'TemplateLiteral')) return null;
    return e.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : '')).join('');
  }
  return undefined;
}

/** A module source that names a folder of this workspace. */
export function isLocalSource(source: string | undefined): source is string {
  return source !== undefined && (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..');
}

/**
 * The linked components of `decls` (each in input order), or undefined when some module source is not literal:
 * then which folders link depends on evaluation, and callers must treat everything as one unit.
 */
export function linkedComponents(decls: readonly ModuleDecl[]): ModuleDecl[][] | undefined {
  const index = new Map(decls.map((d, i) => [d.dir, i]));
  const parent = decls.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < decls.length; i++) {
    const sources = localSources(decls[i]);
    if (!sources) return undefined;
    for (const s of sources) {
      const j = isLocalSource(s) ? index.get(joinPath(decls[i].dir, s) ?? '') : undefined;
      if (j !== undefined) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, ModuleDecl[]>();
  for (let i = 0; i < decls.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(decls[i]);
    else groups.set(r, [decls[i]]);
  }
  return [...groups.values()];
}
