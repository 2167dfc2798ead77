import type { FileKind } from '../model/workspace';
import type { SnapshotChanges } from './snapshot-changes';
import type { Dependencies, UnitInputs } from './tracked-context';

// Which cached units of one rule read what: the one place that decides which units an edit may affect. After an
// edit a full run visits only those units; any run skips the key of every other cached unit. affected() returns a
// superset of the units whose key changed (the runner then checks their keys).

const TERRAFORM_KINDS: readonly FileKind[] = ['terraform', 'tfvars', 'lock'];

export class UnitIndex {
  private readonly inputs = new Map<string, UnitInputs>();
  private readonly byPath = new Map<string, Set<string>>();
  private readonly byKind = new Map<string, Set<string>>();
  private readonly byComponent = new Map<string, Set<string>>();
  private readonly byRead = new Map<string, Set<string>>();
  private readonly everything = new Set<string>();
  private readonly configReaders = new Set<string>();
  private readonly modelReaders = new Set<string>();
  /** Terraform readers: a change of var files reaches them all */
  private readonly terraformReaders = new Set<string>();

  set(id: string, deps: Dependencies): void {
    this.delete(id);
    const u = deps.inputs();
    this.inputs.set(id, u);
    this.register(id, u, true);
  }

  delete(id: string): void {
    const u = this.inputs.get(id);
    if (!u) return;
    this.inputs.delete(id);
    this.register(id, u, false);
  }

  affected(changes: SnapshotChanges): Set<string> {
    const out = new Set<string>();
    const addAll = (ids: Set<string> | undefined): void => {
      if (ids) for (const id of ids) out.add(id);
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
    const markIn = (map: Map<string, Set<string>>, key: string): void => {
      let set = map.get(key);
      if (!set) {
        if (!add) return;
        map.set(key, (set = new Set()));
      }
      mark(set);
      if (!add && set.size === 0) map.delete(key);
    };
    // units whose Terraform reads were not captured are checked on every change
    if (u.all || u.reads === null) mark(this.everything);
    if (u.config) mark(this.configReaders);
    if (u.wholeModel) mark(this.modelReaders);
    if (u.reads !== undefined) mark(this.terraformReaders);
    for (const p of u.files) markIn(this.byPath, p);
    for (const k of u.kinds) markIn(this.byKind, k);
    for (const d of u.components) markIn(this.byComponent, d);
    for (const p of u.reads ?? []) markIn(this.byRead, p);
  }
}
