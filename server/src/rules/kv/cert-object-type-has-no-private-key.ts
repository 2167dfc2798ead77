import { defineRule, type Report } from '../kit/define-rule';
import { fix, type SourceText } from '../kit/fix';
import { scalarText } from '../../model/kubernetes/k-value';
import type { SpcObject } from '../../model/kubernetes/spc-objects';
import { isAzureSpc, spcSites, type SpcSite } from './kv-sites';
import { replaceObjectField } from './object-field-edit';
import { memoReportsPerItem } from '../kit/site-lists';

// AKS-KV-006. For a Key Vault certificate, objectType: cert returns only the leaf certificate (PEM): no private key,
// no chain. objectType: secret returns key + full chain. Using the cert view where a key is expected breaks TLS.

type MessageId = 'certAsKey' | 'certAlsoSecret' | 'certOnly';

export const rule = defineRule({
  code: 'AKS-KV-006',
  name: 'cert-object-type-has-no-private-key',
  title: 'Certificates that need their private key are fetched with objectType: secret',
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'objectType: cert returns only the leaf certificate (PEM), without the private key or the chain.',
    rationale:
      'A Key Vault certificate can be read three ways: `cert` gives the certificate only ("For chain of certificates, using object type ' +
      '`cert` only returns the Server certificate and not the entire chain"), `key` the public key, and `secret` "the entire certificate ' +
      'chain along with the private key" (PEM, or the stored PFX with `objectFormat: pfx`).\n\n' +
      'A warning is reported when the file of a `cert` object is used as a private key (a `tls.key` entry of `secretObjects`, or an ' +
      'alias ending in `.key`); information otherwise, with the same fix: fetch it as `objectType: secret`. Keep `cert` when only the ' +
      'public certificate is wanted (for example a CA bundle): `secret` would also put the private key on disk.\n\n' +
      'Advice (the write-up\'s opinion, not a Microsoft statement): if you manage your own X.509 key and certificate and do not need Key ' +
      'Vault to issue or renew it, storing the PEM bundle as a plain Key Vault secret is simpler; use Key Vault certificates when you ' +
      'want Key Vault-managed renewal.\n\nNot checked: environment variables or application settings that point at the mounted file.',
    links: ['https://azure.github.io/secrets-store-csi-driver-provider-azure/docs/configurations/getting-certs-and-keys/'],
  },
  messages: {
    certAsKey: 'objectType: cert returns only the leaf certificate (PEM), no private key and no chain, but "{file}" is used as {use}. Use objectType: secret to get key + full chain.',
    certAlsoSecret: '"{name}" is fetched both as cert (leaf certificate only) and as secret (private key + full chain): the secret file already holds the certificate.',
    certOnly: 'objectType: cert returns only the leaf certificate of "{name}" (PEM): no private key and no chain. Use objectType: secret if the workload needs the key or the chain.',
  },
  messageSeverity: { certAlsoSecret: 'info', certOnly: 'info' },
  fixable: true,
  *check(ctx) {
    const spcs = spcSites(ctx);
    // a function of the list, which stays the same array while no class changed (most edits)
    yield* memoReportsPerItem(spcs, 'AKS-KV-006', (site) => {
      const objects = site.view.objects;
      if (!isAzureSpc(site.view) || !objects) return [];
      const source = site.yaml ? ctx.getFile(site.file) : undefined;
      return objects.objects.flatMap((o) => (o.objectType === 'cert' ? [...checkCert(site, o, objects.objects, source)] : []));
    });
  },
});

/** How the object's file is used as a private key, if it is. */
function keyUse(site: SpcSite, o: SpcObject): string | undefined {
  for (const so of site.view.secretObjects) {
    if (so.data.some((d) => scalarText(d.key) === 'tls.key' && scalarText(d.objectName) === o.fileName)) {
      return `tls.key of Secret "${scalarText(so.secretName) ?? ''}"`;
    }
  }
  return o.objectAlias?.toLowerCase().endsWith('.key') ? 'a key file (alias ends in .key)' : undefined;
}

function* checkCert(site: SpcSite, o: SpcObject, all: readonly SpcObject[], source: SourceText | undefined): Generator<Report<MessageId>> {
  const type = o.field('objectType')!;
  const file = site.file;
  const edit = source && replaceObjectField(source, type, 'secret');
  const fixes = edit ? [fix('Fetch with objectType: secret (private key + full chain)', edit)] : [];
  const use = keyUse(site, o);
  const name = o.objectName ?? '';
  if (use) {
    yield { messageId: 'certAsKey', data: { file: o.fileName ?? name, use }, file, range: type.valueRange, fixes };
    return;
  }
  const twin = all.find((other) => other !== o && other.objectType === 'secret' && other.objectName === o.objectName);
  if (twin) {
    const related = [{ file, range: twin.field('objectType')!.valueRange, message: 'fetched as secret here' }];
    yield { messageId: 'certAlsoSecret', data: { name }, file, range: type.valueRange, related };
    return;
  }
  yield { messageId: 'certOnly', data: { name }, file, range: type.valueRange, fixes };
}
