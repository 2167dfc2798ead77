import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CompareIdentitiesRequestMethod,
  IDENTITIES_VERSION,
  type CompareIdentitiesParams,
  type CompareIdentitiesResult,
} from '../../../server/src/lsp/protocol';
import type { IdentityTreeProvider } from '../views/identity-tree';
import { pickCluster } from './identities-source';

export const COMPARE_COMMAND = 'aksLint.identities.compareAz';

/**
 * "AKS: Compare with az aks show output…": reads a JSON file, or (trusted workspace, `az` on PATH, user asked)
 * runs `az aks show` without a shell, then shows declared vs actual identities in the tree.
 */
export function registerCompareAz(client: LanguageClient, tree: IdentityTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand(COMPARE_COMMAND, async () => {
    const cluster = await pickCluster(tree.current);
    if (!cluster) return void vscode.window.showInformationMessage('AKS Lint: no AKS cluster is declared in this workspace.');
    const text = await obtainJson(cluster.name);
    if (text === undefined) return;
    const params: CompareIdentitiesParams = { v: IDENTITIES_VERSION, clusterId: cluster.id, azAksShowJson: text };
    const result = await client.sendRequest<CompareIdentitiesResult>(CompareIdentitiesRequestMethod, params);
    if (result.error) return void vscode.window.showErrorMessage(`AKS Lint: ${result.error}`);
    tree.setComparison(cluster.id, result.rows);
    await vscode.commands.executeCommand('aksLint.identities.focus');
  });
}

async function obtainJson(clusterName: string): Promise<string | undefined> {
  const choices: (vscode.QuickPickItem & { id: string })[] = [{ label: 'Pick a JSON file…', id: 'file' }];
  // running a program is never offered in Restricted Mode; the choice says so when az is missing
  const az = vscode.workspace.isTrusted ? findOnPath('az') : undefined;
  if (vscode.workspace.isTrusted) choices.push({ label: 'Run az aks show now…', id: 'az', description: az ? az : 'az was not found on PATH' });
  const how = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { placeHolder: 'Where does the az aks show output come from?' });
  if (!how) return undefined;
  if (how.id === 'file') {
    const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] } })) ?? [];
    return file ? new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) : undefined;
  }
  if (!az) return void vscode.window.showErrorMessage('AKS Lint: `az` was not found on PATH; pick a JSON file instead.');
  const rg = await vscode.window.showInputBox({ prompt: 'Resource group of the cluster', ignoreFocusOut: true });
  const name = rg ? await vscode.window.showInputBox({ prompt: 'Cluster name', value: clusterName, ignoreFocusOut: true }) : undefined;
  if (!rg || !name) return undefined;
  return runAz(az, ['aks', 'show', '-g', rg, '-n', name, '-o', 'json']);
}

/** The executable's full path from PATH (and PATHEXT on Windows), found by looking, never by running anything. */
function findOnPath(name: string): string | undefined {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext.toLowerCase());
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** execFile, no shell: the arguments are never interpreted, whatever the user typed. */
function runAz(az: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(az, args, { timeout: 60_000, maxBuffer: 20_000_000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        void vscode.window.showErrorMessage(missing ? 'AKS Lint: `az` was not found on PATH.' : `AKS Lint: az aks show failed: ${stderr || err.message}`);
        resolve(undefined);
      } else resolve(stdout);
    });
  });
}
