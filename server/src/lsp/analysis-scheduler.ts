import type { Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../features/editor-finding';
import type { Analyzer } from './analyzer';
import type { DiagnosticsPublisher } from './diagnostics-publisher';

// When to analyse and in which order to publish. An edit first re-analyses the edited document alone (reported
// in that file only, so it is fast) and publishes it; a debounced whole-workspace pass then publishes every other
// file whose findings changed and clears vanished ones. New edits cancel pending passes.
// A lone edit is analysed as soon as the messages already received are handled (see soon()); only edits that arrive
// while one is pending wait for a quiet time, so a keystroke is not delayed by a debounce it does not need.

export interface SchedulerOptions {
  /** quiet time before the edited file is analysed when more edits of it arrived before its analysis ran */
  readonly editDelayMs: number;
  /** longest an edited file waits while changes keep coming */
  readonly editMaxWaitMs: number;
  /** quiet time before the whole-workspace pass */
  readonly workspaceDelayMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { editDelayMs: 4, editMaxWaitMs: 60, workspaceDelayMs: 120 };

export interface SchedulerDeps {
  readonly analyzer: Analyzer;
  readonly publisher: DiagnosticsPublisher;
  /** version of the open document, undefined when not open */
  readonly versionOf: (file: string) => number | undefined;
  /** diagnostics the server adds itself (files it refused to analyse) */
  readonly noticesFor: (file: string) => Diagnostic[];
  readonly knownFiles: () => string[];
  readonly afterWorkspacePass: () => void;
  readonly log: (message: string) => void;
}

/** A pending analysis of an edited file: queued behind the messages already received, or debounced. */
interface PendingEdit {
  readonly since: number;
  timer?: NodeJS.Timeout;
  immediate?: NodeJS.Immediate;
}

export class AnalysisScheduler {
  private readonly pendingEdits = new Map<string, PendingEdit>();
  private workspaceTimer: NodeJS.Timeout | undefined;
  private current = new Map<string, Finding[]>();
  private enabled = true;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {}

  /** The latest findings of a file (for hover and code actions). */
  findingsIn(file: string): readonly Finding[] {
    return this.current.get(file) ?? [];
  }

  allFindings(): Finding[] {
    return [...this.current.values()].flat();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) {
      this.cancelAll();
      this.current = new Map();
      this.deps.publisher.clearAll();
    } else this.workspaceChanged(0);
  }

  documentChanged(file: string): void {
    if (!this.enabled) return;
    const pending = this.pendingEdits.get(file);
    const edit: PendingEdit = { since: pending?.since ?? Date.now() };
    if (pending) {
      cancelEdit(pending);
      const wait = Date.now() - edit.since >= this.options.editMaxWaitMs ? 0 : this.options.editDelayMs;
      edit.timer = setTimeout(() => this.runEdited(file), wait);
    } else this.soon(file, edit);
    this.pendingEdits.set(file, edit);
    this.cancelWorkspacePass(); // the pass would read text that is about to change
  }

  /**
   * Runs the edit's analysis after the messages already received. The connection handles one message per
   * setImmediate and queues the next one after the handler that called this returned, so a second setImmediate
   * lets a message already waiting (a burst of changes) supersede this edit first: it then waits for the debounce.
   */
  private soon(file: string, edit: PendingEdit): void {
    edit.immediate = setImmediate(() => {
      edit.immediate = setImmediate(() => {
        edit.immediate = undefined;
        if (this.pendingEdits.get(file) === edit) this.runEdited(file);
      });
    });
  }

  /** Disk files, settings or configuration changed: only the whole-workspace pass can tell what moved. */
  workspaceChanged(delayMs = this.options.workspaceDelayMs): void {
    if (!this.enabled) return;
    this.cancelWorkspacePass();
    this.workspaceTimer = setTimeout(() => this.runWorkspace(), delayMs);
  }

  dispose(): void {
    this.cancelAll();
  }

  private runEdited(file: string): void {
    this.pendingEdits.delete(file);
    const findings = this.safeAnalyze([file]).filter((f) => f.file === file);
    this.current.set(file, findings);
    this.deps.publisher.publish(file, findings, this.deps.noticesFor(file), this.deps.versionOf(file) ?? 0);
    if (this.pendingEdits.size === 0) this.workspaceChanged();
  }

  private runWorkspace(): void {
    this.workspaceTimer = undefined;
    if (this.pendingEdits.size > 0) return; // an edited file is still pending; its run reschedules this pass
    const byFile = new Map<string, Finding[]>();
    for (const f of this.safeAnalyze(undefined)) {
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, (list = []));
      list.push(f);
    }
    this.current = byFile;
    const files = new Set([...this.deps.knownFiles(), ...byFile.keys(), ...this.deps.publisher.shown()]);
    for (const file of files) this.deps.publisher.publish(file, byFile.get(file) ?? [], this.deps.noticesFor(file));
    this.deps.afterWorkspacePass();
  }

  private safeAnalyze(files: readonly string[] | undefined): Finding[] {
    try {
      return this.deps.analyzer.analyze(files);
    } catch (e) {
      // the analyzer promises not to throw; if it does anyway, the server keeps serving and says why
      this.deps.log(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return [];
    }
  }

  private cancelWorkspacePass(): void {
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    this.workspaceTimer = undefined;
  }

  private cancelAll(): void {
    this.cancelWorkspacePass();
    for (const edit of this.pendingEdits.values()) cancelEdit(edit);
    this.pendingEdits.clear();
  }
}

function cancelEdit(edit: PendingEdit): void {
  if (edit.timer) clearTimeout(edit.timer);
  if (edit.immediate) clearImmediate(edit.immediate);
}
