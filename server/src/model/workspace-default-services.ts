import { parseHcl } from '../syntax/hcl/parser';
import { parseKubernetesFile } from './kubernetes/kubernetes-file';
import { buildTerraformModel } from './terraform/build-model';
import type { WorkspaceServices } from './workspace-services';

/** The real parsers and decoders behind Workspace. */
export const defaultServices: WorkspaceServices = { parseHcl, parseKubernetesFile, buildTerraformModel };
