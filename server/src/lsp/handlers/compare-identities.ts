import { CompareIdentitiesRequestMethod, IDENTITIES_VERSION, type CompareIdentitiesParams, type CompareIdentitiesResult } from '../protocol';
import type { Session } from '../session';

/** aksLint/compareIdentities: declared vs `az aks show` identities of one cluster. The server never runs `az`. */
export function registerCompareIdentities(session: Session): void {
  session.connection.onRequest(CompareIdentitiesRequestMethod, (params: CompareIdentitiesParams): CompareIdentitiesResult => {
    const result = session.analyzer.compareIdentities(String(params?.clusterId), String(params?.azAksShowJson ?? ''));
    return 'error' in result ? { v: IDENTITIES_VERSION, rows: [], error: result.error } : { v: IDENTITIES_VERSION, rows: result.rows };
  });
}
