import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisGate } from '../features/analysis-gate';
import { AnalysisScheduler, DEFAULT_SCHEDULER_OPTIONS, type SchedulerOptions } from './analysis-scheduler';
import type { Analyzer } from './analyzer';
import type { FileResolver } from './convert';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { DocumentStore } from './document-store';
import { contentHash } from '../model/workspace-hash';
import { FileKeys } from './file-keys';
import { DEFAULT_SETTINGS, DIAGNOSTIC_SOURCE, IdentitiesChangedNotificationMethod, IDENTITIES_VERSION, type AksLintSettings } from './protocol';

// The server's state: open documents, disk files, settings, client capabilities and the analysis schedule.
// Handlers read and update it; nothing else holds state.

export interface ClientFlags {
  configuration: boolean;
  watchRegistration: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
}

export class Session implements FileResolver {
  readonly keys = new FileKeys();
  readonly store = new DocumentStore();
  readonly documents = new TextDocuments(TextDocument);
  readonly publisher: DiagnosticsPublisher;
  readonly scheduler: AnalysisScheduler;
  readonly flags: ClientFlags = { configuration: false, watchRegistration: false, showDocument: false, workspaceFolders: false };
  folders: string[] = [];
  settings: AksLintSettings = DEFAULT_SETTINGS;
  private readonly notices = new Map<string, string>();
  /** hash of the identities last announced (the JSON itself is megabytes on a large workspace) */
  private identitiesSignature = '';

  constructor(
    readonly connection: Connection,
    readonly analyzer: Analyzer,
    schedulerOptions: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {
    this.publisher = new DiagnosticsPublisher(this, (uri, diagnostics, version) =>
      void connection.sendDiagnostics({ uri, diagnostics, version }).catch(() => undefined),
    );
    this.scheduler = new AnalysisScheduler(
      {
        analyzer,
        publisher: this.publisher,
        versionOf: (file) => this.documents.get(this.keys.uriOf(file))?.version,
        noticesFor: (file) => this.noticesFor(file),
        knownFiles: () => this.store.keys(),
        afterWorkspacePass: () => this.checkIdentitiesChanged(),
        log: (m) => this.log(m),
      },
      schedulerOptions,
    );
  }

  uriOf(file: string): string {
    return this.keys.uriOf(file);
  }

  lineIndexOf(file: string) {
    return this.store.lineIndex(file);
  }

  log(message: string): void {
    this.connection.console.log(`[aks-lint] ${message}`);
  }

  /** Text of a file changed (open document or disk); the analyzer sees it unless the gate refuses it. */
  setText(file: string, text: string, origin: 'open' | 'disk', tooLarge = false): void {
    if (origin === 'open') this.store.setOpen(file, text);
    else this.store.setDisk(file, text);
    this.refreshAnalyzerCopy(file, tooLarge);
  }

  closeDocument(file: string): void {
    this.store.close(file);
    if (this.store.has(file)) this.refreshAnalyzerCopy(file, false);
    else this.removeFile(file);
  }

  deleteDiskFile(file: string): void {
    this.store.deleteDisk(file);
    if (!this.store.has(file)) this.removeFile(file);
  }

  private removeFile(file: string): void {
    this.notices.delete(file);
    this.analyzer.deleteFile(file);
  }

  private refreshAnalyzerCopy(file: string, tooLarge: boolean): void {
    const text = this.store.text(file) ?? '';
    const gate = tooLarge ? { analyse: false as const, reason: 'File not analysed: it is too large to read.' } : analysisGate(text);
    if (gate.analyse) {
      this.notices.delete(file);
      this.analyzer.setFile(file, text);
    } else {
      this.notices.set(file, gate.reason);
      this.analyzer.deleteFile(file);
    }
  }

  noticesFor(file: string): Diagnostic[] {
    const reason = this.notices.get(file);
    if (!reason) return [];
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return [{ range, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: reason }];
  }

  private checkIdentitiesChanged(): void {
    const signature = contentHash(JSON.stringify(this.analyzer.identities()));
    if (signature === this.identitiesSignature) return;
    this.identitiesSignature = signature;
    void this.connection.sendNotification(IdentitiesChangedNotificationMethod, { v: IDENTITIES_VERSION }).catch(() => undefined);
  }
}
