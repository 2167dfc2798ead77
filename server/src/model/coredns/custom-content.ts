import { parseCorefile } from '../../syntax/corefile/parse-corefile';
import { damerauLevenshtein } from '../azure/did-you-mean';
import { OVERRIDE_SUFFIX, SERVER_SUFFIX } from './aks-default';
import { isKnownDirective } from './plugins';

// Reading coredns-custom values the way AKS uses them: which text is a server block, and which key a value
// belongs under. Pure facts over text; the rules decide what to report.

/**
 * True when a name written where a plugin belongs is really a server address (`example.com:53`, `.`, `dns://x`,
 * `example.org`): plugin names never contain dots, colons or a scheme.
 */
export function isServerAddress(name: string): boolean {
  if (name === '' || isKnownDirective(name)) return false;
  return /[.:]/.test(name) || /^[a-z][a-z0-9+.-]*:\/\//i.test(name);
}

/** True when the text is one or more server blocks `ZONE[:PORT] { ... }` (a `.server` value), not plugin lines. */
export function looksLikeServerBlocks(text: string): boolean {
  const { corefile } = parseCorefile(text, 'servers');
  const blocks = corefile.serverBlocks.filter((b) => !b.isSnippet);
  return blocks.length > 0 && blocks.every((b) => b.block !== undefined && b.keys.length > 0 && b.keys.every((k) => isServerAddress(k.token.value)));
}

const NEAR_MISS = /^(.*?)[._-]([A-Za-z]+)$/;

/**
 * The coredns-custom key a value most likely meant: a near-miss suffix corrected (`x.overide`, `x_server`), else the
 * key with `.server` when the value is server blocks and `.override` otherwise. Undefined when the key is fine.
 */
export function suggestCustomKey(key: string, text: string | undefined): string | undefined {
  if (key.endsWith(OVERRIDE_SUFFIX) || key.endsWith(SERVER_SUFFIX)) return undefined;
  const m = NEAR_MISS.exec(key);
  if (m && m[1] !== '') {
    const word = m[2].toLowerCase();
    if (word === 'override' || damerauLevenshtein(word, 'override') <= 2) return `${m[1]}${OVERRIDE_SUFFIX}`;
    if (word === 'server' || damerauLevenshtein(word, 'server') <= 2) return `${m[1]}${SERVER_SUFFIX}`;
  }
  return `${key}${text !== undefined && looksLikeServerBlocks(text) ? SERVER_SUFFIX : OVERRIDE_SUFFIX}`;
}

/** `corp.contoso.com.` -> `corp.contoso.com`; the stem a new `<domain>.server` key is named after. */
export function keyStemForZone(zone: string): string | undefined {
  const stem = zone.replace(/\.$/, '').replace(/^\*\./, '');
  return /^[-._a-zA-Z0-9]+$/.test(stem) && stem !== '' ? stem : undefined;
}
