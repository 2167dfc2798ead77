import { defineRule, type CheckContext, type Fix, type Report } from '../kit/define-rule';
import { fix, type SourceText } from '../kit/fix';
import { eolOf, lineContentEnd, lineStartAt } from '../kit/fix-text';
import { asScalar, type KEntry, type KSeq } from '../../model/kubernetes/k-value';
import { EXCLUSIVE_IDENTITY_MODE_PARAMS, GO_PARSEBOOL_VALUES, SPC_ERRORS } from '../../model/azure/keyvault';
import { isAzureSpc, spcSites, type SpcSite } from './kv-sites';
import { objectsContentReports, type ObjectsMessageId } from './objects-content';
import { memoReportsPerItem } from '../kit/site-lists';

// AKS-KV-002. spec.parameters is map[string]string (CRD `additionalProperties: {type: string}`): an unquoted
// `false` is a YAML boolean the API server rejects; `objects` is YAML inside a string that the provider unmarshals.

type MessageId = 'notString' | 'objectsNotString' | 'boolParam' | ObjectsMessageId;

export const rule = defineRule({
  code: 'AKS-KV-002',
  name: 'secret-provider-class-parameters-typed',
  title: 'SecretProviderClass parameters are strings and objects parse',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A SecretProviderClass parameter is not a string, or the objects string does not describe valid Key Vault objects.',
    rationale:
      '`spec.parameters` is `map[string]string`: unquoted `true`, `false` or numbers are YAML booleans and numbers, which the API ' +
      'server rejects. `objects` is a **string** holding YAML (`objects: |` then `array:` of `- |` strings), which the provider ' +
      'unmarshals at mount time ("failed to yaml unmarshal objects"). Each element needs `objectName` and an `objectType` of exactly ' +
      '`secret`, `key` or `cert`; `objectFormat` is `pem` or `pfx` (pfx only with `secret`), `objectEncoding` is `utf-8`, `hex` or ' +
      '`base64` and only applies to `secret`. Two objects writing the same file name (alias or name) overwrite each other. ' +
      'Identity flags are read with Go `strconv.ParseBool`.\n\n' +
      'Values coming from Terraform `kubernetes_manifest` are converted to strings by the provider, so typing is only checked in YAML; ' +
      'the `objects` content is checked in both.',
    links: ['https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/getting-started/usage/'],
  },
  messages: {
    notString: 'SecretProviderClass parameters are map[string]string; quote the value ("{value}").',
    objectsNotString: 'objects must be a string containing "array:" (use "objects: |").',
    boolParam: '{name} is read with Go ParseBool; "{value}" is not a boolean (use "true" or "false").',
    objectsInvalid: `${SPC_ERRORS.objectsUnmarshal}: {message}.`,
    objectNameMissing: 'objects element {index} has no objectName.',
    objectType: `${SPC_ERRORS.invalidObjectType} (exact, lower case; found "{value}").`,
    objectFormat: 'Invalid objectFormat "{value}". Should be pem or pfx.',
    pfxNeedsSecret: 'objectFormat: pfx is only supported with objectType: secret (found objectType: {type}).',
    objectEncoding: `${SPC_ERRORS.invalidEncoding} (found "{value}").`,
    encodingIgnored: 'objectEncoding only applies to objectType: secret; it is ignored for objectType: {type}.',
    nonCanonical: '{field} "{value}" is accepted (compared case-insensitively), but write "{canonical}".',
    duplicateFileName: 'Two objects are written to the same file "{name}"; give one of them a distinct objectAlias.',
  },
  messageSeverity: { encodingIgnored: 'warning', nonCanonical: 'info' },
  fixable: true,
  *check(ctx) {
    const spcs = spcSites(ctx);
    // a function of the list, which stays the same array while no class changed (most edits)
    yield* memoReportsPerItem(spcs, 'AKS-KV-002', (site) => siteReports(ctx, site));
  },
});

function* siteReports(ctx: CheckContext, site: SpcSite): Generator<Report<MessageId>> {
  if (!isAzureSpc(site.view)) return;
  const source = site.yaml ? ctx.getFile(site.file) : undefined;
  yield* checkParameters(site, source);
  const objects = site.view.objects;
  if (objects?.status === 'not-a-string' && objects.value.kind !== 'unknown' && asScalar(objects.value)?.value !== null) {
    const entry = site.view.parameter('objects')!;
    const edit = source && objects.value.kind === 'seq' ? toStringForm(source, entry, objects.value) : undefined;
    yield { messageId: 'objectsNotString', file: site.file, range: entry.keyRange, fixes: edit ? [edit] : [] };
  } else if (objects && objects.status !== 'not-a-string') {
    yield* objectsContentReports(objects, site.file, source);
  }
}

function* checkParameters(site: SpcSite, source: SourceText | undefined): Generator<Report<MessageId>> {
  for (const e of site.view.parameters?.entries ?? []) {
    const v = e.value;
    if (e.key === 'objects' || v.kind === 'unknown') continue;
    if (site.yaml && (v.kind !== 'scalar' || (v.value !== null && typeof v.value !== 'string'))) {
      const written = source?.text.slice(v.range.start, v.range.end) ?? '';
      const fixes = v.kind === 'scalar' && source ? [fix(`Quote "${written}"`, { file: source.path, range: v.range, newText: JSON.stringify(written) })] : [];
      yield { messageId: 'notString', data: { value: v.kind === 'scalar' ? written : '…' }, file: site.file, range: v.range, fixes };
      continue;
    }
    const text = asScalar(v)?.text;
    const isFlag = (EXCLUSIVE_IDENTITY_MODE_PARAMS as readonly string[]).includes(e.key);
    if (isFlag && text !== undefined && text !== '' && !GO_PARSEBOOL_VALUES.includes(text)) {
      yield { messageId: 'boolParam', data: { name: e.key, value: text }, file: site.file, range: v.range };
    }
  }
}

/** `objects:` written as a list of maps -> the string form, each map's lines kept as written. */
function toStringForm(source: SourceText, entry: KEntry, seq: KSeq): Fix | undefined {
  const { text } = source;
  const eol = eolOf(text);
  const indent = ' '.repeat(entry.keyRange.start - lineStartAt(text, entry.keyRange.start));
  const lines = [`${indent}  array:`];
  for (const item of seq.items) {
    if (item.kind !== 'map' || item.entries.some((e) => e.value.kind !== 'scalar' || text.slice(e.range.start, e.range.end).includes('\n'))) return undefined;
    lines.push(`${indent}    - |`);
    for (const e of item.entries) lines.push(`${indent}      ${text.slice(e.range.start, e.range.end)}`);
  }
  const colon = text.indexOf(':', entry.keyRange.end);
  const end = lineContentEnd(text, Math.max(seq.range.end - 1, seq.range.start));
  // comments inside the list would be lost
  if (colon < 0 || text.slice(entry.keyRange.end, colon).trim() !== '' || text.slice(colon, end).includes('#')) return undefined;
  return fix('Write objects as a string ("objects: |")', { file: source.path, range: { start: colon + 1, end }, newText: ` |${eol}${lines.join(eol)}` });
}
