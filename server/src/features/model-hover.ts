import type { Workspace } from '../model/workspace';
import { modelHovers } from '../hovers';

// What the model knows about the text under the cursor, as hover markdown: identities, roles, authorization,
// renamed attributes, network values, zones/PPG/private DNS, workload identity, CoreDNS keys and plugins,
// SecretProviderClass parameters. The topic providers live in server/src/hovers/.

export function modelHoverAt(ws: Workspace, path: string, offset: number): string | undefined {
  if (!ws.file(path)) return undefined;
  const hovers = modelHovers(ws, path, offset);
  return hovers.length ? hovers.map((h) => h.markdown).join('\n\n---\n\n') : undefined;
}
