// One fresh folder per run: user data, extensions, XDG dirs, TMPDIR, browser profile and a copy of the workspace,
// so no state leaks between runs and nothing is written to $HOME or /tmp (recipe §8 "Writes to $HOME").
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesDir, seededDir, seededFolder } from './paths';

export interface RunDir {
  root: string;
  userData: string;
  extensions: string;
  workspace: string;
  browserProfile: string;
  config: string;
  env: Record<string, string>;
  remove(): void;
}

/** Settings a user would set to get a quiet, offline workbench; `trust` decides whether Restricted Mode is tested. */
function userSettings(trust: boolean): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': !trust,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    'editor.lightbulb.enabled': 'on',
    'editor.hover.delay': 100,
    'files.autoSave': 'off',
  };
}

export interface RunDirOptions {
  /** false: workspace trust is on and the folder opens in Restricted Mode. */
  trusted: boolean;
}

export function createRunDir({ trusted }: RunDirOptions): RunDir {
  const root = mkdtempSync(join(tmpdir(), 'aks-lint-e2e-'));
  const dirs = ['ud/User', 'ext', 'xdg/data', 'xdg/config', 'xdg/cache', 'tmp', 'browser'];
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'ud/User/settings.json'), JSON.stringify(userSettings(trusted), null, 2));
  const config = join(root, 'config.yaml');
  writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const workspace = join(root, 'ws');
  mkdirSync(workspace);
  if (existsSync(examplesDir)) cpSync(examplesDir, workspace, { recursive: true });
  cpSync(seededDir, join(workspace, seededFolder), { recursive: true });
  return {
    root,
    userData: join(root, 'ud'),
    extensions: join(root, 'ext'),
    workspace,
    browserProfile: join(root, 'browser'),
    config,
    env: {
      XDG_DATA_HOME: join(root, 'xdg/data'),
      XDG_CONFIG_HOME: join(root, 'xdg/config'),
      XDG_CACHE_HOME: join(root, 'xdg/cache'),
      TMPDIR: join(root, 'tmp'),
      EXTENSIONS_GALLERY: '{}', // no open-vsx.org queries (recipe §8 "Network noise")
    },
    remove: () => {
      if (process.env.KEEP === '1') return;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
