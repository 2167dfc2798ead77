import type { ParseResult } from '../syntax/hcl/ast';
import type { PreviousParse } from '../syntax/hcl/item-reuse';
import type { KubernetesFile } from './kubernetes/kubernetes-file';
import type { TerraformModelInput } from './terraform/build-model';
import type { TerraformModel } from './terraform/model-types';

export type { KubernetesFile } from './kubernetes/kubernetes-file';
export type { TerraformModel } from './terraform/model-types';
export type { TerraformModelInput } from './terraform/build-model';

// The parsers and decoders a Workspace memoises, behind one small interface so the snapshot logic does not depend
// on their internals (and tests can count calls). `defaultServices` wires the real implementations.

export interface WorkspaceServices {
  /** `previous`: the parse of the file's previous version, whose untouched top-level items may be reused */
  parseHcl(text: string, previous?: PreviousParse): ParseResult;
  /** `previous`: the reading of the file's previous version, whose unchanged documents may be reused */
  parseKubernetesFile(path: string, text: string, previous?: KubernetesFile): KubernetesFile;
  /** the whole workspace's Terraform; per-folder decoding is cached through `input.decodeCache` */
  buildTerraformModel(input: TerraformModelInput): TerraformModel;
}
