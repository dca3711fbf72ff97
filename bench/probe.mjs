// Preloaded with `node --import` into every measured child: at exit, writes the child's own resource
// usage (peak RSS, CPU time) as JSON to the file named by BENCH_PROBE_OUT. Nothing is printed, so the
// child's stdout stays exactly what the runner would see.
import fs from 'node:fs';
import process from 'node:process';

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ node: process.version, exitCode: code, maxRssKb: u.maxRSS, userCpuMs: u.userCPUTime / 1000, systemCpuMs: u.systemCPUTime / 1000 }),
    );
  });
}
