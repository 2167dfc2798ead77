import type { TfModule } from '../../model/terraform/model-types';
import { memoOn, memoReports } from './memo-on';

// Linked module groups: a module with every module joined to it by local module calls (callers and callees,
// transitively). A trace, a node pool's cluster_id or a subnet's VNet can only reach inside the group, so a check over
// a group sees all it can see, and the model hands on the group's modules unchanged while none of their files changed.

/** The module's linked group, sorted by folder (the model's order); memoised, as the group is fixed for the module's life. */
export function linkedGroup(start: TfModule): readonly TfModule[] {
  return memoOn(start, 'linked-group', () => {
    const seen = new Set([start]);
    for (const m of seen) {
      for (const next of [...m.moduleCalls.map((c) => c.child), ...m.callers.map((c) => c.parent)]) if (next) seen.add(next);
    }
    return [...seen].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  });
}

/**
 * `produce(group)` once per linked group of `modules` (in the order of each group's first module), its reports replayed
 * while the group's modules are unchanged. `tag` must name the rule and whatever else outside the group the reports
 * depend on.
 */
export function* perLinkedGroup<R>(modules: readonly TfModule[], tag: string, produce: (group: readonly TfModule[]) => Iterable<R>): Generator<R> {
  for (const module of modules) {
    const group = linkedGroup(module);
    if (group[0] === module) yield* memoReports(module, tag, () => produce(group));
  }
}
