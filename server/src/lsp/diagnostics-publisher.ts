import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../features/editor-finding';
import { contentHash } from '../model/workspace-hash';
import { toDiagnostic, type FileResolver } from './convert';

// Sends publishDiagnostics only when a file's diagnostics changed, and clears files whose findings vanished.

export type SendDiagnostics = (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void;

export class DiagnosticsPublisher {
  /** file -> the diagnostics last sent: their JSON for an edited document, else a hash of it (all JSON was megabytes) */
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
    const json = JSON.stringify(diagnostics);
    const before = this.last.get(file);
    if (version === undefined) {
      const unchanged = before === undefined ? diagnostics.length === 0 : before === (isJson(before) ? json : contentHash(json));
      if (unchanged) return false;
    }
    // an edited document's answer is kept as JSON, so the edit path does not pay for hashing; everything else as a hash
    if (diagnostics.length === 0) this.last.delete(file);
    else this.last.set(file, version === undefined ? contentHash(json) : json);
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

/** Hashes are base-36 digits; JSON of a diagnostics list starts with '['. */
function isJson(signature: string): boolean {
  return signature.charCodeAt(0) === 91;
}
