import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/text/line-index';
import { LspTestClient, type StartOptions } from './lsp-test-client';
import { applyEdits } from '../../server/src/text/text-edit';

/** Applies LSP text edits the way an editor does (all against the original text). */
export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const out = applyEdits(text, edits.map((e) => ({ range: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
  if (out === undefined) throw new Error('overlapping edits');
  return out;
}

export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

export function findAction(actions: readonly CodeAction[], title: RegExp): CodeAction {
  const a = actions.find((x) => title.test(x.title));
  if (!a) throw new Error(`no action matching ${title}; got ${actions.map((x) => x.title).join(' | ')}`);
  return a;
}

/** The LSP range of the first occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string): Range {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  const lines = new LineIndex(text);
  return { start: lines.positionAt(start), end: lines.positionAt(start + needle.length) };
}

/** A temporary workspace folder with the given files; remove() deletes it. */
export function tempWorkspace(files: Record<string, string>): { dir: string; path: (rel: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'aks-lint-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true }); // rel may name a sub-folder (module layouts)
    writeFileSync(join(dir, rel), text);
  }
  return { dir, path: (rel) => join(dir, rel), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `body` against a server started on a fresh temporary folder; always stops the server and removes the folder. */
export async function withServer(
  opts: Omit<StartOptions, 'folders'> & { files?: Record<string, string> },
  body: (client: LspTestClient, ws: ReturnType<typeof tempWorkspace>) => Promise<void>,
): Promise<void> {
  const ws = tempWorkspace(opts.files ?? {});
  const { client } = await LspTestClient.start({ ...opts, folders: [ws.dir] });
  try {
    await body(client, ws);
  } finally {
    await client.stop();
    ws.remove();
  }
}
