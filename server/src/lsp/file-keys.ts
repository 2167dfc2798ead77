import { fileURLToPath, pathToFileURL } from 'node:url';

// The engine names files by path; LSP by URI. Clients spell URIs differently (VS Code escapes ':' in drive letters),
// so the URI a client sent is remembered and used when talking back to it.

export class FileKeys {
  private readonly uris = new Map<string, string>();

  keyOf(uri: string): string {
    let key = uri;
    if (uri.startsWith('file:')) {
      try {
        key = fileURLToPath(uri);
      } catch {
        key = uri; // a malformed file URI still gets a stable key
      }
    }
    if (!this.uris.has(key)) this.uris.set(key, uri);
    return key;
  }

  uriOf(key: string): string {
    const known = this.uris.get(key);
    if (known) return known;
    const uri = key.includes('://') || key.startsWith('untitled:') ? key : pathToFileURL(key).href;
    this.uris.set(key, uri);
    return uri;
  }
}
