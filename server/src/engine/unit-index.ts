import type { FileKind } from '../model/workspace';
import type { SnapshotChanges } from './snapshot-changes';
import { Dependencies, type UnitInputs } from './tracked-context';

// Which cached units of one rule read what: the one place that decides which units an edit may affect. After an
// edit a full run visits only those units; any run skips the key of every other cached unit. affected() returns a
// superset of the units whose key changed (the runner then checks their keys).

const TERRAFORM_KINDS: readonly FileKind[] = ['terraform', 'tfvars', 'lock'];

/**
 * Units by input. Most inputs (a file, a module folder) are read by one unit of a rule, so a lone id is kept as
 * the value itself: a Set per input was most of the index's memory on a 2,000-file workspace.
 */
type Ids = string | Set<string>;

export class UnitIndex {
  /** what each unit was indexed under: its Dependencies (the inputs are derived again to unindex), or the lists */
  private readonly inputs = new Map<string, Dependencies | UnitInputs>();
  private readonly byPath = new Map<string, Ids>();
  private readonly byKind = new Map<string, Ids>();
  private readonly byComponent = new Map<string, Ids>();
  private readonly byRead = new Map<string, Ids>();
  private readonly everything = new Set<string>();
  private readonly configReaders = new Set<string>();
  private readonly modelReaders = new Set<string>();
  /** Terraform readers: a change of var files reaches them all */
  private readonly terraformReaders = new Set<string>();

  set(id: string, deps: Dependencies): void {
    this.delete(id);
    const u = deps.inputs();
    // a Terraform reader whose reads were not captured yet would list other inputs once they are: keep the lists
    this.inputs.set(id, u.reads === null ? u : deps);
    this.register(id, u, true);
  }

  delete(id: string): void {
    const held = this.inputs.get(id);
    if (!held) return;
    this.inputs.delete(id);
    this.register(id, held instanceof Dependencies ? held.inputs() : held, false);
  }

  affected(changes: SnapshotChanges): Set<string> {
    const out = new Set<string>();
    const addAll = (ids: Ids | undefined): void => {
      if (typeof ids === 'string') out.add(ids);
      else if (ids) for (const id of ids) out.add(id);
    };
    if (changes.paths.size > 0 || changes.config || changes.varFiles) addAll(this.everything);
    if (changes.config) addAll(this.configReaders);
    if (changes.varFiles) addAll(this.terraformReaders);
    for (const p of changes.paths) {
      addAll(this.byPath.get(p));
      addAll(this.byRead.get(p));
    }
    for (const k of changes.kinds) addAll(this.byKind.get(k));
    if (TERRAFORM_KINDS.some((k) => changes.kinds.has(k))) addAll(this.modelReaders);
    for (const d of changes.tfComponents) addAll(this.byComponent.get(d));
    return out;
  }

  private register(id: string, u: UnitInputs, add: boolean): void {
    const mark = (set: Set<string>): void => void (add ? set.add(id) : set.delete(id));
    const markIn = add ? addTo : removeFrom;
    // units whose Terraform reads were not captured are checked on every change
    if (u.all || u.reads === null) mark(this.everything);
    if (u.config) mark(this.configReaders);
    if (u.wholeModel) mark(this.modelReaders);
    if (u.reads !== undefined) mark(this.terraformReaders);
    for (const p of u.files) markIn(this.byPath, p, id);
    for (const k of u.kinds) markIn(this.byKind, k, id);
    for (const d of u.components) markIn(this.byComponent, d, id);
    for (const p of u.reads ?? []) markIn(this.byRead, p, id);
  }
}

function addTo(map: Map<string, Ids>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (typeof ids !== 'string') ids.add(id);
  else if (ids !== id) map.set(key, new Set([ids, id]));
}

function removeFrom(map: Map<string, Ids>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === id) map.delete(key);
  else if (ids !== undefined && typeof ids !== 'string') {
    ids.delete(id);
    // back to a lone id, so a set does not outlive the units that needed it
    if (ids.size === 1) map.set(key, ids.values().next().value!);
  }
}
