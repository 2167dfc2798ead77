import { LineIndex } from '../text/line-index';

// What the analysis sees: files read from disk, overridden by open documents (the editor's text wins).

interface Entry {
  readonly text: string;
  lines?: LineIndex;
}

export class DocumentStore {
  private readonly disk = new Map<string, Entry>();
  private readonly open = new Map<string, Entry>();

  setDisk(key: string, text: string): void {
    this.disk.set(key, { text });
  }

  deleteDisk(key: string): void {
    this.disk.delete(key);
  }

  setOpen(key: string, text: string): void {
    this.open.set(key, { text });
  }

  close(key: string): void {
    this.open.delete(key);
  }

  isOpen(key: string): boolean {
    return this.open.has(key);
  }

  has(key: string): boolean {
    return this.open.has(key) || this.disk.has(key);
  }

  text(key: string): string | undefined {
    return (this.open.get(key) ?? this.disk.get(key))?.text;
  }

  /** Kept for open documents (edited, hovered, asked for code actions); made afresh for files on disk, which are only
   * converted when their diagnostics are published, so thousands of files do not each keep one. */
  lineIndex(key: string): LineIndex | undefined {
    const open = this.open.get(key);
    if (open) return (open.lines ??= new LineIndex(open.text));
    const disk = this.disk.get(key);
    return disk && new LineIndex(disk.text);
  }

  keys(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])];
  }
}
