// Public API of the identity model (aks-rules.md §2.3): declared identities per cluster, the az aks show side, and
// the comparison of the two. Rules use the internal facts modules directly.
export { identitiesOf, identitiesOfModules } from './identity-model';
export { identitiesFromAksShow, compareIdentities } from './compare-identities';
export * from './identity-types';
