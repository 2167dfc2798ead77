import { toClusterInfo } from '../identity-convert';
import { IDENTITIES_VERSION, IdentitiesRequestMethod, type IdentitiesParams, type IdentitiesResult } from '../protocol';
import type { Session } from '../session';

/** aksLint/identities: the identity model, optionally only the clusters declared in one document. */
export function registerIdentities(session: Session): void {
  session.connection.onRequest(IdentitiesRequestMethod, (params: IdentitiesParams | undefined): IdentitiesResult => {
    const clusters = session.analyzer.identities().map((c) => toClusterInfo(c, session));
    const uri = params?.uri;
    return { v: IDENTITIES_VERSION, available: true, clusters: uri ? clusters.filter((c) => c.location?.uri === uri) : clusters };
  });
}
