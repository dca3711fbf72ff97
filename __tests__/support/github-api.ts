/**
 * A loopback HTTP server that answers GitHub's REST issue listing: either the pages recorded from the
 * real API in @octokit/fixtures (scenario paginate-issues, Link headers pointed at this server), or
 * issues of the documented shape given by a test, or an error status.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** The recorded pages of `GET /repos/octokit-fixture-org/paginate-issues/issues`. */
export function recordedIssuePages(): RecordedRequest[] {
  const file = require.resolve('@octokit/fixtures/scenarios/api.github.com/paginate-issues/normalized-fixture.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedRequest[];
}

export type Responder = (url: URL, req: http.IncomingMessage) => { status: number; body: unknown; headers?: Record<string, string> };

export interface FakeGitHub {
  readonly url: string;
  readonly requests: { path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startGitHub(respond: Responder): Promise<FakeGitHub> {
  const requests: FakeGitHub['requests'] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname + url.search, authorization: req.headers.authorization });
    const { status, body, headers } = respond(url, req);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Serves the recorded pages in order for the repository's issue listing, with Links to this server. */
export function recordedPagination(base: () => string): Responder {
  const pages = recordedIssuePages();
  return (url) => {
    const page = url.pathname.endsWith('/issues') && url.searchParams.has('page') ? Number(url.searchParams.get('page')) : 1;
    const recorded = pages[page - 1];
    if (recorded === undefined) return { status: 404, body: { message: 'Not Found' } };
    const link = (recorded.headers['link'] ?? '').replace(/https:\/\/api\.github\.com\/repositories\/1000\/issues\?per_page=3&page=(\d+)/g, (_m, n: string) => `${base()}${url.pathname}?page=${n}`);
    return { status: recorded.status, body: recorded.response, headers: link === '' ? {} : { link } };
  };
}
