import type { TextRange } from '../text/text-range';
import type { Workspace } from '../model/workspace';
import { hoverAuthorization } from './authorization';
import { hoverCoredns } from './coredns';
import { hoverIdentity } from './identity';
import { hoverKeyvault } from './keyvault';
import { hoverNetwork } from './network';
import { hoverPlacementDns } from './placement-dns';
import { hoverRoles } from './roles';
import { hoverVersions } from './versions';
import { hoverWorkloadIdentity } from './workload-identity';

export interface ModelHover {
  readonly markdown: string;
  readonly range: TextRange;
}

type HoverProvider = (ws: Workspace, file: string, offset: number) => ModelHover | undefined;

// Each provider answers only for its own topic, so the order only decides how several answers are stacked.
const PROVIDERS: readonly HoverProvider[] = [
  hoverIdentity,
  hoverRoles,
  hoverAuthorization,
  hoverVersions,
  hoverNetwork,
  hoverPlacementDns,
  hoverWorkloadIdentity,
  hoverCoredns,
  hoverKeyvault,
];

/** Everything the model can say about the text at `offset`, or undefined. A failing provider is skipped. */
export function modelHovers(ws: Workspace, file: string, offset: number): ModelHover[] {
  const out: ModelHover[] = [];
  for (const provider of PROVIDERS) {
    try {
      const h = provider(ws, file, offset);
      if (h && h.markdown.trim()) out.push(h);
    } catch {
      // A hover must never take the editor down; the rule tests cover these providers' behaviour.
    }
  }
  return out;
}
