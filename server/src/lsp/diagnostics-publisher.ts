import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../features/editor-finding';
import { contentHash } from '../model/workspace-hash';
import { toDiagnostic, type FileResolver } from './convert';

// Sends publishDiagnostics only when a file's diagnostics changed, and clears files whose findings vanished.

export type SendDiagnostics = (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void;

export class DiagnosticsPublisher {
  /** file -> a hash of the diagnostics last sent (their JSON, kept for every file, came to megabytes) */
  private readonly last = new Map<string, string>();

  constructor(
    private readonly files: FileResolver,
    private readonly send: SendDiagnostics,
  ) {}

  /**
   * Publishes `findings` of `file` (all of them: the list replaces what the client shows). An edited document is
   * always answered (`version` set), so the client knows its diagnostics match that version; others only on change.
   */
  publish(file: string, findings: readonly Finding[], extra: readonly Diagnostic[] = [], version?: number): boolean {
    // a line index only for files with findings: building one for every clean file of the workspace costs memory
    const lines = findings.length > 0 ? this.files.lineIndexOf(file) : undefined;
    const diagnostics = lines ? [...extra, ...findings.map((f) => toDiagnostic(f, lines, this.files))] : [...extra];
    // a hash of what was sent, not the JSON itself: kept for every file of the workspace
    const signature = contentHash(JSON.stringify(diagnostics));
    const before = this.last.get(file);
    const unchanged = before === undefined ? diagnostics.length === 0 : before === signature;
    if (unchanged && version === undefined) return false;
    if (diagnostics.length === 0) this.last.delete(file);
    else this.last.set(file, signature);
    this.send(this.files.uriOf(file), diagnostics, version);
    return true;
  }

  /** Files that currently show diagnostics. */
  shown(): string[] {
    return [...this.last.keys()];
  }

  clearAll(): void {
    for (const file of [...this.last.keys()]) this.publish(file, []);
  }
}

