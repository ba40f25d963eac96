import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// A course site hosts the built app in a folder of its own: everything, worker included,
// must load from relative paths.
const PREFIX = '/course/faascope/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json' };
let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (!url.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(url.slice(PREFIX.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(process.env.E2E_DIST ?? 'dist', rel.endsWith('/') || rel === '.' ? 'index.html' : rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${PREFIX}`;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('the built site works from a sub-path of a static host, worker included', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(r.url());
  });
  await page.goto(base);
  await page.getByLabel('Preset').selectOption('one-cold-start');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.summary-bar')).toContainText('1 request');
  expect(page.workers().length).toBe(1);
  expect(failed).toEqual([]);
});
