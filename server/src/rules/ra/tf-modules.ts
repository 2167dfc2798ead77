import type { CheckQueries } from '../kit/check-queries';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import { stringOf, type TfValue } from '../../model/terraform/value';
import type { Expr } from '../../syntax/hcl/ast';
import { allClusterFacts, type ClusterFacts } from '../../model/identity/cluster-facts';

// Terraform model access shared by the ra/auth/ver rules.

export function tfModules(ctx: Pick<CheckQueries, 'terraform'>): readonly TfModule[] {
  return ctx.terraform().modules;
}

/** Resources of one type over all modules, with their module. */
export function resourcesOfType(modules: readonly TfModule[], type: string): { module: TfModule; resource: TfResource }[] {
  return modules.flatMap((module) => module.resourcesOfType(type).map((resource) => ({ module, resource })));
}

/** A string attribute's value when statically known. */
export function stringValue(attr: { readonly value: TfValue } | undefined): string | undefined {
  return stringOf(attr?.value);
}

/** A quoted string with no interpolation: the only kind of value a fix may rewrite in place. */
export function isStringLiteral(expr: Expr): boolean {
  return expr.kind === 'Template' && !expr.heredoc && expr.parts.every((p) => p.kind === 'TemplateLiteral');
}

/** Every azurerm_role_assignment with its module, and the clusters' identity facts rules classify principals against. */
export function roleAssignmentsAndClusters(ctx: Pick<CheckQueries, 'terraform'>): {
  assignments: { module: TfModule; resource: TfResource }[];
  clusters: ClusterFacts[];
} {
  const modules = tfModules(ctx);
  return { assignments: resourcesOfType(modules, 'azurerm_role_assignment'), clusters: allClusterFacts(modules) };
}
