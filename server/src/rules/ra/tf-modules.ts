import type { CheckQueries } from '../kit/check-queries';
import type { TfModule, TfResource } from '../../model/terraform/model-types';
import { stringOf, type TfValue } from '../../model/terraform/value';
import type { Expr } from '../../syntax/hcl/ast';
import { allClusterFacts, type ClusterFacts } from '../../model/identity/cluster-facts';
import { perLinkedGroup } from '../kit/linked-groups';

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

/**
 * Checks every azurerm_role_assignment with its module against the clusters' identity facts, per linked group: a
 * principal traces inside its group, so the group's clusters are all it can match. Replayed while the group is unchanged.
 */
export function* perGroupRoleAssignments<R>(
  ctx: Pick<CheckQueries, 'terraform'>,
  tag: string,
  check: (module: TfModule, resource: TfResource, clusters: readonly ClusterFacts[]) => Iterable<R>,
): Generator<R> {
  yield* perLinkedGroup(tfModules(ctx), tag, function* (group) {
    const clusters = allClusterFacts(group);
    for (const { module, resource } of resourcesOfType(group, 'azurerm_role_assignment')) yield* check(module, resource, clusters);
  });
}
