import { parseYaml, releaseContents, type YamlComment, type YamlDocument, type YamlStream, type YNode } from '../../syntax/yaml/parse-yaml';
import type { SyntaxDiagnostic } from '../../syntax/syntax-diagnostic';
import { asMap, asSeq } from './k-value';
import { CONTENT_KINDS } from './content-kinds';
import { objectFromRoot, releaseRoot, type K8sObject } from './object';
import { yamlValue, type YamlContext } from './yaml-value';

// One YAML file -> Kubernetes objects. Files that are not Kubernetes manifests (CI pipelines, compose files,
// Helm values) and Go-template manifests are recognised and left silent: no objects, no diagnostics.

export type KubernetesFileKind = 'kubernetes' | 'helm' | 'other';

export interface KubernetesFile {
  readonly path: string;
  readonly kind: KubernetesFileKind;
  readonly objects: readonly K8sObject[];
  /** YAML syntax problems (the engine reports them as AKS-SYN-002); always empty for 'helm' and 'other' */
  readonly diagnostics: readonly SyntaxDiagnostic[];
  /** parsed documents; empty for 'helm' */
  readonly documents: readonly YamlDocument[];
  /** comments (for suppressions), computed on first access */
  readonly comments: readonly YamlComment[];
}

// File names whose YAML is never a Kubernetes manifest, whatever keys it happens to have.
const NOT_K8S = [
  /(^|\/)\.github\/workflows\//,
  /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i,
  /(^|\/)azure-pipelines[^/]*\.ya?ml$/i,
  /(^|\/)\.gitlab-ci\.ya?ml$/i,
  /(^|\/)values[^/]*\.ya?ml$/i,
  /(^|\/)Chart\.ya?ml$/,
];

const TOP_LEVEL_API_VERSION = /^apiVersion:[ \t]*\S/m;
const TOP_LEVEL_KIND = /^kind:[ \t]*\S/m;

/** `previous`: the reading of an earlier version of the same file, whose unchanged documents are reused. */
export function parseKubernetesFile(path: string, text: string, previous?: KubernetesFile): KubernetesFile {
  const normalised = path.replace(/\\/g, '/');
  if (NOT_K8S.some((re) => re.test(normalised))) return new Reading(path, 'other', NONE, NONE, NONE, undefined, false);
  const templated = text.includes('{{');
  return classify(path, normalised, text, templated, parseYaml(text, previous instanceof Reading ? previous.stream : undefined));
}

function classify(path: string, normalised: string, text: string, templated: boolean, stream: YamlStream): KubernetesFile {
  const hasErrors = stream.diagnostics.some((d) => d.severity === 'error');
  // `{{` inside quoted or block strings is data (Prometheus rules, CoreDNS `template` answers); anywhere else, or in a
  // chart's templates/ folder, the file is a Go template whose YAML only exists after rendering.
  if (templated && (hasErrors || /(^|\/)templates\//.test(normalised) || hasTemplateOutsideStrings(stream))) {
    return new Reading(path, 'helm', NONE, NONE, NONE, stream, false);
  }

  const objects = collectObjects(path, stream);
  const looksK8s = objects.length > 0 || (hasErrors && TOP_LEVEL_API_VERSION.test(text) && TOP_LEVEL_KIND.test(text));
  if (!looksK8s) return new Reading(path, 'other', NONE, NONE, stream.documents, stream, true);
  return new Reading(path, 'kubernetes', objects, stream.diagnostics, stream.documents, stream, true);
}

const NONE: readonly never[] = Object.freeze([]);

// A class, not an object literal with a `comments` getter: such a literal gets slow (dictionary) properties and a
// closure, once per YAML file of the workspace.
class Reading implements KubernetesFile {
  constructor(
    readonly path: string,
    readonly kind: KubernetesFileKind,
    readonly objects: readonly K8sObject[],
    readonly diagnostics: readonly SyntaxDiagnostic[],
    readonly documents: readonly YamlDocument[],
    /** the YAML behind this reading: the next version of the file re-parses only the documents that changed */
    readonly stream: YamlStream | undefined,
    /** 'helm' and skipped files expose no comments */
    private readonly withComments: boolean,
  ) {}

  get comments(): readonly YamlComment[] {
    return this.withComments && this.stream ? this.stream.comments : NONE;
  }
}

// A reused document (same chunk text) at the same offset and position in a file of the same name has the same
// objects: views are pure over node, chunk text and offset. Documents after an edit that changed the length get new ones.
const objectsByDoc = new WeakMap<object, { readonly path: string; readonly base: number; readonly index: number; readonly objects: readonly K8sObject[] }>();

function collectObjects(path: string, stream: YamlStream): K8sObject[] {
  const out: K8sObject[] = [];
  for (const d of stream.documents) {
    const prior = objectsByDoc.get(d.doc);
    if (prior && prior.path === path && prior.base === d.base && prior.index === d.index) {
      out.push(...prior.objects);
      continue;
    }
    const first = out.length;
    collectDocument(path, d, out);
    objectsByDoc.set(d.doc, { path, base: d.base, index: d.index, objects: out.slice(first) });
  }
  return out;
}

function collectDocument(path: string, d: YamlDocument, out: K8sObject[]): void {
  const contents = d.doc.contents;
  if (contents?.kind !== 'map') return;
  const ctx: YamlContext = { text: d.source, base: d.base };
  const root = asMap(yamlValue(contents, ctx, d.range));
  if (!root) return;
  const source = { file: path, docIndex: d.index, range: d.range, origin: 'yaml' as const };
  const obj = objectFromRoot(root, source);
  if (!obj) return;
  // `kind: List` (kubectl get -o yaml) carries the real objects in items[].
  if (obj.kind === 'List' || (obj.kind.endsWith('List') && obj.apiVersion === 'v1')) {
    for (const item of asSeq(root.get('items'))?.items ?? []) {
      const m = asMap(item);
      const inner = m && objectFromRoot(m, { ...source, range: m.range });
      if (inner) out.push(inner);
    }
    return;
  }
  out.push(obj);
  if (!CONTENT_KINDS.has(obj.kind)) {
    // nothing reads this object beyond its metadata: neither it nor the stream keeps the document's tree
    releaseRoot(obj, () => asMap(yamlValue(d.doc.contents, ctx, d.range)));
    releaseContents(d.doc);
  }
}

/** True when some `{{` (outside comments) lies outside quoted and block scalars. */
function hasTemplateOutsideStrings(stream: YamlStream): boolean {
  const blocks: [number, number][] = [];
  const visit = (node: YNode | null, base: number): void => {
    if (node?.kind === 'scalar') {
      if (node.style !== 'PLAIN') blocks.push([base + node.start, base + node.end]);
    } else if (node?.kind === 'map') for (const n of node.entries) visit(n, base);
    else if (node?.kind === 'seq') for (const item of node.items) visit(item, base);
  };
  for (const d of stream.documents) visit(d.doc.contents, d.base);
  const text = stream.text;
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 2)) {
    if (!blocks.some(([s, e]) => s <= i && i < e) && !inComment(text, i)) return true;
  }
  return false;
}

function inComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, at));
}

