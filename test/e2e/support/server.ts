// A local HTTP server for browser tests: serves test/e2e/pages and pages
// registered by a test from inline HTML. Listens on 127.0.0.1 only.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

export interface TestServer {
  origin: string;
  port: number;
  /** Serves `html` at `path` (e.g. '/shadow.html') for the rest of the run. */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const inline = new Map<string, { body: string; headers: Record<string, string> }>();
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const registered = inline.get(path);
    if (registered) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...registered.headers });
      return res.end(registered.body);
    }
    const file = normalize(join(PAGES, path === '/' ? 'index.html' : path));
    if (!file.startsWith(PAGES)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    page(path, html, headers = {}) {
      inline.set(path, { body: html, headers });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
