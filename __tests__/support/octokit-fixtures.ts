/**
 * @octokit/fixtures-server on loopback, in a child process (it answers through nock, which must not
 * patch the test's own HTTP stack): recorded real GitHub traffic, one scenario at a time. A loaded
 * scenario answers its recorded requests in order, each once, and only requests of the recorded
 * shape (method, path, query, headers, body).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../../scripts/run-action.js';

export interface FixturesServer {
  readonly url: string;
  /** Loads a scenario (a folder of @octokit/fixtures/scenarios/api.github.com); returns its API root. */
  load(scenario: string): Promise<string>;
  close(): Promise<void>;
}

const SCRIPT = `
import http from 'node:http';
import express from 'express';
import fixturesServer from '@octokit/fixtures-server';
const app = express();
const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port;
  app.use(fixturesServer({ fixturesUrl: url, logLevel: 'silent', ttl: 60000 }));
  process.stdout.write('LISTENING ' + url + '\\n');
});
`;

export async function startFixturesServer(timeoutMs = 20_000): Promise<FixturesServer> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the fixtures server did not start within ${timeoutMs} ms: ${out}`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        out += chunk.toString('utf8');
        const m = /LISTENING (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the fixtures server exited with ${code}: ${out}`));
      });
    });
  } catch (e) {
    await stop(child);
    throw e;
  }
  return {
    url,
    async load(scenario) {
      const res = await fetch(`${url}/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario }) });
      if (res.status !== 201) throw new Error(`loading ${scenario} answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { url: string }).url;
    },
    close: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
