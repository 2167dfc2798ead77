import type { ParseResult } from '../../syntax/hcl/ast';
import type { LineIndex } from '../../text/line-index';
import type { FileKind, K8sObjectIndex, TerraformModel, WorkspaceFile } from '../../model/workspace';
import type { KubernetesFile } from '../../model/workspace-services';
import type { K8sObject } from '../../model/kubernetes/object';
import type { TfModule } from '../../model/terraform/model-types';

/**
 * The model reads a check may make. Each read records what the rule depends on, so the engine re-runs a rule only
 * when one of those inputs changed: a rule that asks for `hcl('main.tf')` is not re-run when a YAML file changes.
 */
export interface CheckQueries {
  /** files of the given kinds (all files when none given), sorted by path */
  files(...kinds: readonly FileKind[]): readonly WorkspaceFile[];
  getFile(path: string): WorkspaceFile | undefined;
  lineIndex(path: string): LineIndex | undefined;
  /** HCL parse of a Terraform-family file */
  hcl(path: string): ParseResult | undefined;
  /** Kubernetes reading of a YAML file */
  kubernetes(path: string): KubernetesFile | undefined;
  /** the Terraform model: modules, resources, static values (depends on .tf/.tfvars/lock files, var files, file() reads) */
  terraform(): TerraformModel;
  /**
   * The module of a .tf file's folder. Prefer it in file-scoped rules: the rule then depends only on the modules
   * linked to that folder by module calls, so an edit elsewhere does not re-run it for this file.
   */
  terraformModuleOf(path: string): TfModule | undefined;
  /**
   * @deprecated use `terraform()`: the model covers every module folder. Kept for rules written against the first
   * draft of this API; returns one view holding the whole model.
   */
  terraformModules(): readonly { readonly dir: string; readonly model: TerraformModel }[];
  /** every Kubernetes object in the workspace's YAML (depends on all YAML files) */
  k8sObjects(): readonly K8sObject[];
  k8sIndex(): K8sObjectIndex;
}
