import { isAbsolute, join } from 'node:path';
import { DEFAULT_SETTINGS, type AksLintSettings, type RuleSeveritySetting } from './protocol';

// Turns whatever a client sent as `aksLint` settings into a complete, valid settings object. Unknown or mistyped
// values fall back to defaults instead of breaking the analysis.

const SEVERITIES: readonly RuleSeveritySetting[] = ['error', 'warning', 'info', 'off'];

export function normalizeSettings(raw: unknown): AksLintSettings {
  const o = isRecord(raw) ? raw : {};
  const rules: Record<string, RuleSeveritySetting> = {};
  if (isRecord(o.rules)) {
    for (const [k, v] of Object.entries(o.rules)) {
      if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) rules[k] = v as RuleSeveritySetting;
    }
  }
  return {
    enable: typeof o.enable === 'boolean' ? o.enable : DEFAULT_SETTINGS.enable,
    rules,
    configFile: typeof o.configFile === 'string' ? o.configFile : DEFAULT_SETTINGS.configFile,
    varFiles: Array.isArray(o.varFiles) ? o.varFiles.filter((x): x is string => typeof x === 'string') : [],
  };
}

/** A settings path is relative to the first workspace folder. */
export function resolveSettingPath(path: string, folders: readonly string[]): string | undefined {
  if (!path) return undefined;
  if (isAbsolute(path)) return path;
  return folders.length > 0 ? join(folders[0], path) : undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
