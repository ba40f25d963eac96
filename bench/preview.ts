/**
 * Serves a built site with `vite preview` for a benchmark, and makes sure the benchmark measures
 * that build: a server left behind by an interrupted run would otherwise answer on the port (the
 * new one exits, `--strictPort`) and every figure would be of whatever build it serves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });

/** A running preview server; `kill()` stops it and everything it started. */
export interface Preview {
  kill(): void;
}

/** Stops `npx` and the vite it started: killing npx alone left vite serving on the port. */
const stop = (server: ChildProcess) => () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    server.kill();
  }
};

/** Starts the server for `dist` on `port`; resolves once it answers. Throws if the port is taken or the build is missing. */
export async function startPreview(dist: string, port: number): Promise<Preview> {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`no build in ${dist}: run npx vite build first (or set BENCH_DIST to a built site)`);
  if (!(await portFree(port))) throw new Error(`port ${port} is in use, perhaps by a vite preview left from an interrupted run: stop it (pkill -f "vite preview") and run again`);
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  let exited = false;
  server.once('exit', () => (exited = true));
  for (let i = 0; i < 100; i++) {
    if (exited) throw new Error(`vite preview on port ${port} stopped before answering`);
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
    if (ok) return { kill: stop(server) };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop(server)();
  throw new Error(`vite preview on port ${port} did not answer in 20 s`);
}
