// `terraform fmt -check -` on a text: quick fixes must leave HCL exactly as terraform fmt would write it.
import { spawnSync } from 'node:child_process';

export function terraformFmtDiff(text: string): string | undefined {
  const r = spawnSync(process.env.TERRAFORM ?? '/usr/local/bin/terraform', ['fmt', '-'], { input: text, encoding: 'utf8' });
  if (r.error) throw new Error(`terraform not runnable: ${r.error.message}`);
  if (r.status !== 0) return `terraform fmt failed: ${r.stderr}`;
  return r.stdout === text ? undefined : r.stdout;
}
