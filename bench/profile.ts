/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of the bundled action and says where the time went: by
 * function (self time), by bundled module (from the `// CONCATENATED MODULE:` and `// EXTERNAL MODULE:`
 * markers ncc leaves in dist/*.js), and the inclusive time of the gate's own functions (src/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Row {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly selfByFunction: readonly Row[];
  readonly selfByModule: readonly Row[];
  readonly inclusiveSrc: readonly Row[];
}

/** Per bundle file, the module each line belongs to (0-based line -> module path). */
class ModuleMap {
  private readonly byFile = new Map<string, { starts: number[]; names: string[] }>();

  module(url: string, line: number): string {
    if (!url.startsWith('file://')) return url === '' ? '(native)' : url;
    const file = fileURLToPath(url);
    let entry = this.byFile.get(file);
    if (entry === undefined) {
      entry = ModuleMap.scan(file);
      this.byFile.set(file, entry);
    }
    let lo = 0;
    let hi = entry.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entry.starts[mid]! <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? path.basename(file) : entry.names[found]!;
  }

  private static scan(file: string): { starts: number[]; names: string[] } {
    const starts: number[] = [];
    const names: string[] = [];
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return { starts, names };
    }
    const lines = text.split('\n');
    // Names of CommonJS modules, from `// EXTERNAL MODULE: ./node_modules/x` + `var x = __nccwpck_require__(N)`.
    const cjsNames = new Map<string, string>();
    for (let i = 0; i + 1 < lines.length; i++) {
      const ext = /^\/\/ EXTERNAL MODULE: (.+?)(?: \+ \d+ modules?)?$/.exec(lines[i]!);
      const req = ext ? /__nccwpck_require__\((\d+)\)/.exec(lines[i + 1]!) : null;
      if (ext && req) cjsNames.set(req[1]!, ext[1]!);
    }
    const base = path.basename(file);
    lines.forEach((line, i) => {
      const concatenated = /^;?\/\/ CONCATENATED MODULE: (.+)$/.exec(line);
      const cjs = /^\/\*\*\*\/ (\d+):$/.exec(line);
      if (concatenated) {
        starts.push(i);
        names.push(concatenated[1]!);
      } else if (cjs) {
        starts.push(i);
        names.push(cjsNames.get(cjs[1]!) ?? `${base}: CommonJS module ${cjs[1]!}`);
      }
    });
    return { starts, names };
  }
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const modules = new ModuleMap();
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });

  const key = (f: CallFrame): string => `${f.functionName || '(anonymous)'}\u0000${f.url}\u0000${f.lineNumber}`;
  const where = (f: CallFrame): string => (f.url === '' ? '' : `${modules.module(f.url, f.lineNumber)} (${path.basename(f.url)}:${f.lineNumber + 1})`);
  const describe = (f: CallFrame): { name: string; where: string } => ({ name: f.functionName || '(anonymous)', where: where(f) });
  /** Nameless native code (a builtin without a frame of its own) is shown as part of its caller. */
  const unnamedNative = (f: CallFrame): boolean => f.url === '' && f.functionName === '';

  const byFunction = new Map<string, Row>();
  const byModule = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const f = byId.get(id)!.callFrame;
    const caller = unnamedNative(f) ? byId.get(parent.get(id) ?? -1)?.callFrame : undefined;
    const k = caller ? `native\u0000${key(caller)}` : key(f);
    const row = caller ? { name: `(native code in ${caller.functionName || '(anonymous)'})`, where: where(caller) } : describe(f);
    const prev = byFunction.get(k);
    byFunction.set(k, prev ? { ...prev, ms: prev.ms + ms } : { ...row, ms });
    const m = f.url !== '' ? modules.module(f.url, f.lineNumber) : caller && caller.url !== '' ? modules.module(caller.url, caller.lineNumber) : /^\(.*\)$/.test(f.functionName) ? f.functionName : `native: ${f.functionName || '(anonymous)'}`;
    byModule.set(m, (byModule.get(m) ?? 0) + ms);
  }

  // Inclusive time of the gate's own functions: each sample counts once per function on its stack.
  const inclusive = new Map<string, Row>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.url === '' || !modules.module(f.url, f.lineNumber).startsWith('./src/')) continue;
      const k = key(f);
      if (seen.has(k)) continue;
      seen.add(k);
      const prev = inclusive.get(k);
      inclusive.set(k, prev ? { ...prev, ms: prev.ms + ms } : { ...describe(f), ms });
    }
  });

  const sorted = (rows: Iterable<Row>): Row[] => [...rows].sort((a, b) => b.ms - a.ms).slice(0, top);
  return {
    totalMs,
    selfByFunction: sorted(byFunction.values()),
    selfByModule: sorted([...byModule].map(([name, ms]) => ({ name, where: '', ms }))),
    inclusiveSrc: sorted(inclusive.values()),
  };
}
