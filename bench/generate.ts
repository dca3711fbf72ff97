/**
 * Synthetic, seeded test data for the benchmark: JUnit XML reports shaped like what Maven Surefire and
 * Gradle write (nested suites, suite properties, failures with CDATA stack traces, skipped cases,
 * captured output) and a Markdown requirements list. The same seed gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, good enough to make test names. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CaseMix {
  /** Share of cases with a `<failure>` (with a CDATA stack trace). */
  readonly failure: number;
  readonly skipped: number;
  /** Share of cases with a `<system-out>`. */
  readonly systemOut: number;
  /** Share of cases whose name carries no requirement ID. */
  readonly untraced: number;
}

export const DEFAULT_MIX: CaseMix = { failure: 0.02, skipped: 0.03, systemOut: 0.05, untraced: 0.0005 };

export interface ReportSpec {
  readonly file: string;
  readonly cases: number;
  readonly seed: number;
  /** Requirement IDs are drawn from SRS-1 .. SRS-<requirements>. */
  readonly requirements: number;
  /** Distinguishes the packages of several reports, so that test identities do not repeat. */
  readonly component: string;
  readonly mix?: CaseMix;
}

export interface ReportStats {
  readonly file: string;
  readonly bytes: number;
  readonly cases: number;
  readonly failed: number;
  readonly skipped: number;
  readonly systemOut: number;
  readonly untraced: number;
  readonly suites: number;
}

const AREAS = ['dose', 'rate', 'alarm', 'occlusion', 'battery', 'display', 'keypad', 'drug-library', 'audit-log', 'bolus', 'telemetry', 'sensor'];
const CLASS_WORDS = ['Calculator', 'Controller', 'Monitor', 'Validator', 'Scheduler', 'Formatter', 'Limiter', 'Recorder', 'Parser', 'Watchdog', 'Manager', 'Converter'];
const VERBS = ['computes', 'rejects', 'rounds', 'limits', 'raises', 'clears', 'logs', 'displays', 'keeps', 'restores', 'stops', 'accepts', 'converts', 'reports'];
const OBJECTS = ['the dose', 'the infusion rate', 'an occlusion alarm', 'the bolus volume', 'the battery warning', 'the drug name', 'the audit entry', 'the keypad entry', 'the pressure reading', 'the flow rate', 'the patient weight', 'the time stamp'];
const CONDITIONS = [
  'for a 42.5 kg patient',
  'when the weight is negative',
  'at the pump maximum',
  'after a power loss',
  'below the lower limit',
  'with an empty library',
  'on the second channel',
  'when the door is open',
  'during a bolus',
  'in night mode',
  'for a dose &lt; 0.1 mg',
  'for a rate &gt; 999 mL/h',
  'for &quot;Heparin &amp; Saline&quot;',
  'for 12.5 µg/kg/min',
  'when the pressure is ≤ 300 mmHg',
  'with the alarm muted → unmuted',
];
const FAILURE_TYPES = ['org.opentest4j.AssertionFailedError', 'java.lang.AssertionError', 'java.lang.IllegalStateException', 'java.lang.NullPointerException'];
const SKIP_MESSAGES = ['requires the hardware-in-the-loop rig', 'disabled until SRS review', 'flaky on CI, tracked in BUG-2211', ''];
const FRAMES = [
  'org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)',
  'org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)',
  'org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)',
  'org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)',
  'org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1156)',
  'java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
  'java.base/java.lang.reflect.Method.invoke(Method.java:580)',
  'org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)',
  'org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)',
  'org.junit.jupiter.engine.execution.InvocationInterceptorChain$ValidatingInvocation.proceed(InvocationInterceptorChain.java:131)',
  'org.junit.jupiter.engine.extension.TimeoutExtension.intercept(TimeoutExtension.java:156)',
  'org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod(TestMethodTestDescriptor.java:218)',
  'org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)',
];

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const pascal = (s: string): string => s.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

/**
 * Writes one report: `<testsuites>` holding one suite per area, each holding one suite per test class
 * (with Surefire-like properties), each holding the test cases. Written suite by suite, so the
 * generator never holds more than one class in memory.
 */
export function writeReport(spec: ReportSpec): ReportStats {
  const rnd = random(spec.seed);
  const mix = spec.mix ?? DEFAULT_MIX;
  fs.mkdirSync(path.dirname(spec.file), { recursive: true });
  const fd = fs.openSync(spec.file, 'w');
  let bytes = 0;
  const write = (s: string): void => {
    bytes += fs.writeSync(fd, s);
  };
  const stats = { failed: 0, skipped: 0, systemOut: 0, untraced: 0, suites: 0 };
  const areas = Math.max(1, Math.min(AREAS.length, Math.ceil(spec.cases / 2000)));
  const perArea = Math.ceil(spec.cases / areas);
  let written = 0;
  let clock = Date.UTC(2026, 10, 2, 8, 0, 0);

  write('<?xml version="1.0" encoding="UTF-8"?>\n');
  write(`<testsuites name="${spec.component}" tests="${spec.cases}">\n`);
  for (let a = 0; a < areas && written < spec.cases; a++) {
    const area = AREAS[a]!;
    const areaCases = Math.min(perArea, spec.cases - written);
    write(` <testsuite name="${spec.component}-${area}">\n`);
    stats.suites++;
    let inArea = 0;
    for (let k = 0; inArea < areaCases; k++) {
      const size = Math.min(areaCases - inArea, 20 + Math.floor(rnd() * 140));
      const className = `${spec.component}.${area.replace(/-/g, '')}.${pascal(area)}${pick(rnd, CLASS_WORDS)}${k}Test`;
      const file = `src/test/java/${className.split('.').join('/')}.java`;
      const body: string[] = [];
      let failures = 0;
      let skips = 0;
      let time = 0;
      let line = 20;
      for (let i = 0; i < size; i++) {
        const t = Math.round(rnd() * rnd() * 250) / 1000;
        time += t;
        line += 6 + Math.floor(rnd() * 30);
        const n = 1 + Math.floor(rnd() * spec.requirements);
        const r = rnd();
        const title = `${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)}${rnd() < 0.25 ? ` ${pick(rnd, CONDITIONS)}` : ''}`;
        let name: string;
        if (r < mix.untraced) {
          name = `${title} #${i}`;
          stats.untraced++;
        } else if (r < 0.05) {
          name = `[SRS-${n}, SRS-${1 + ((n + 7) % spec.requirements)}] ${title} #${i}`;
        } else {
          name = `SRS-${n}: ${title} #${i}`;
        }
        const kind = rnd();
        const open = `    <testcase name="${name}" classname="${className}" time="${t.toFixed(3)}">`;
        if (kind < mix.failure) {
          failures++;
          stats.failed++;
          const type = pick(rnd, FAILURE_TYPES);
          const expected = (rnd() * 100).toFixed(1);
          const actual = (Number(expected) + 0.1).toFixed(1);
          const frames = [`${className}.test${i}(${className.slice(className.lastIndexOf('.') + 1)}.java:${line})`];
          for (let f = 0; f < 13; f++) frames.push(FRAMES[f % FRAMES.length]!);
          body.push(
            `${open}\n     <failure message="expected: &lt;${expected}&gt; but was: &lt;${actual}&gt;" type="${type}"><![CDATA[${type}: expected: <${expected}> but was: <${actual}>\n` +
              frames.map((fr) => `\tat ${fr}\n`).join('') +
              `]]></failure>\n    </testcase>`,
          );
        } else if (kind < mix.failure + mix.skipped) {
          skips++;
          stats.skipped++;
          const why = pick(rnd, SKIP_MESSAGES);
          body.push(`${open}\n     <skipped${why === '' ? '' : ` message="${why}"`}/>\n    </testcase>`);
        } else if (kind < mix.failure + mix.skipped + mix.systemOut) {
          stats.systemOut++;
          const logs = [];
          for (let l = 0, m = 1 + Math.floor(rnd() * 4); l < m; l++) {
            logs.push(`08:${String(l).padStart(2, '0')}:13.${Math.floor(rnd() * 999)} INFO step ${l}: ${pick(rnd, OBJECTS)} = ${(rnd() * 100).toFixed(2)}`);
          }
          body.push(`${open}\n     <system-out><![CDATA[${logs.join('\n')}\n]]></system-out>\n    </testcase>`);
        } else {
          body.push(`${open.slice(0, -1)}/>`);
        }
      }
      const stamp = new Date(clock).toISOString().slice(0, 19);
      clock += Math.round(time * 1000) + 17;
      write(
        `  <testsuite name="${className}" tests="${size}" failures="${failures}" errors="0" skipped="${skips}" time="${time.toFixed(3)}" ` +
          `timestamp="${stamp}" hostname="runner-7" file="${file}">\n` +
          '   <properties>\n' +
          '    <property name="java.version" value="21.0.5"/>\n' +
          '    <property name="os.name" value="Linux"/>\n' +
          '    <property name="surefire.test.class.path" value="target/test-classes:target/classes"/>\n' +
          '   </properties>\n' +
          body.join('\n') +
          '\n  </testsuite>\n',
      );
      stats.suites++;
      inArea += size;
    }
    written += inArea;
    write(' </testsuite>\n');
  }
  write('</testsuites>\n');
  fs.closeSync(fd);
  return { file: spec.file, bytes, cases: written, ...stats };
}

/** A Markdown requirements list with `count` rows, IDs SRS-1 .. SRS-<count>. */
export function writeRequirements(file: string, count: number, seed: number): { file: string; bytes: number; requirements: number } {
  const rnd = random(seed);
  const lines = [
    '# Software Requirements Specification: infusion pump firmware',
    '',
    'Each requirement is verified by the automated tests that name its ID.',
    '',
    '| ID | Software System | Category | Description | Risk Control Measure? | Related Risk IDs |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (let n = 1; n <= count; n++) {
    const risk = rnd() < 0.3;
    lines.push(
      `| SRS-${n} | ${pascal(pick(rnd, AREAS))} | ${risk ? 'Safety' : 'Functional'} | The pump ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, CONDITIONS)} | ${risk ? 'Yes' : 'No'} | ${risk ? `R-${1 + Math.floor(rnd() * 200)}` : ''} |`,
    );
  }
  const text = `${lines.join('\n')}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), requirements: count };
}
