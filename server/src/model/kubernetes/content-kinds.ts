import { CONFIG_MAP_KINDS } from './config-map';
import { POD_SPEC_KINDS } from './pod-spec';
import { RBAC_KINDS } from './rbac';
import { SECRET_PROVIDER_CLASS_KINDS } from './secret-provider-class';
import { SERVICE_ACCOUNT_KINDS } from './service-account';

// Kinds whose content beyond apiVersion, kind and metadata the model's views and the rules read. An object of any other
// kind (Services, Ingresses, CRDs: most of a workspace's YAML) does not hold its document's tree once read: the tree
// is read again from the chunk if something asks for the object's root (a hover). What the workspace retains, and the
// young-generation collector copies while the workspace is read, is then the YAML that is analysed.
// A rule that starts reading another kind's content should add it here; without it the rule is right, only slower.

export const CONTENT_KINDS: ReadonlySet<string> = new Set([
  ...POD_SPEC_KINDS,
  ...CONFIG_MAP_KINDS,
  ...SERVICE_ACCOUNT_KINDS,
  ...SECRET_PROVIDER_CLASS_KINDS,
  ...RBAC_KINDS,
  // service-account token Secrets (AKS-CICD-002)
  'Secret',
]);
