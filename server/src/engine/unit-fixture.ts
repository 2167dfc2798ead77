import type { Workspace } from '../model/workspace';
import type { CheckContext } from '../rules/kit/define-rule';
import { Dependencies, DependencyRecorder, trackedContext } from './tracked-context';

// Test fixture for the engine's unit bookkeeping: what one check unit reads, recorded as the runner records it.

/**
 * The Dependencies of a unit that runs `read` on `ws` (per file when `file` is given). `keyed`: take its key as the
 * runner does when it stores the unit, which also captures the Terraform reads.
 */
export function recordUnit(ws: Workspace, read: (ctx: CheckContext) => void, options: { file?: string; keyed?: boolean } = {}): Dependencies {
  const recorder = new DependencyRecorder();
  read(options.file ? trackedContext(ws, recorder, ws.file(options.file)!) : trackedContext(ws, recorder));
  const deps = new Dependencies(recorder);
  if (options.keyed) deps.key(ws);
  return deps;
}
