import type { Finding, RuleInfo } from '../features/editor-finding';
import type { ClusterIdentities, IdentityComparisonResult } from '../model/identity/identity-types';
import type { AksLintSettings } from './protocol';

/**
 * The engine as the server sees it: a stateful wrapper over the pure engine that keeps the workspace snapshot
 * current (so parses are memoised across keystrokes) and answers in editor-finding terms.
 */
export interface Analyzer {
  /** Workspace folders (absolute paths); each is analysed as its own root. */
  setFolders(folders: readonly string[]): void;
  setFile(file: string, text: string): void;
  deleteFile(file: string): void;
  /** settings (var files as absolute paths) plus the configuration file chosen in settings, when there is one */
  configure(settings: AksLintSettings, config: { file: string; text: string } | undefined): void;
  /** Findings of every rule, reported in `files` only (all files when omitted). Never throws. */
  analyze(files?: readonly string[]): Finding[];
  /** The identity model of every cluster, file paths absolute like everything else here. Never throws. */
  identities(): ClusterIdentities[];
  /** Declared vs `az aks show` identities of one cluster; an error message when either side cannot be read. */
  compareIdentities(clusterId: string, azAksShowJson: string): IdentityComparisonResult | { error: string };
  ruleInfo(code: string): RuleInfo | undefined;
  /** Markdown the model has for the node at `offset` of `file`. */
  modelHover(file: string, offset: number): string | undefined;
}
