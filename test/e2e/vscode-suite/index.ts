// Entry point the extension host loads as extensionTestsPath (code-server payload or @vscode/test-electron).
import './aks-lint-api';
import { runRegistered } from './runner';

export async function run(): Promise<void> {
  await runRegistered(process.env.AKS_LINT_API_RESULT);
}
