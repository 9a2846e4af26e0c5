import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A CouchDB-compatible server for tests: `pouchdb-server --in-memory` on loopback, started here. */
export async function startCouch(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vaardig-couch-'));
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const proc: ChildProcess = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('has started')) resolve();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`pouchdb-server exited (${code}): ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      proc.kill('SIGKILL');
      await new Promise((r) => (proc.exitCode !== null || proc.signalCode ? r(null) : proc.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A TCP proxy in front of the server that can be cut and restored, and can cut connections
 * in flight: how a device sees a server that goes away in the middle of a push.
 */
export async function startProxy(targetUrl: string): Promise<{ url: string; cut: () => void; restore: () => Promise<void>; close: () => Promise<void> }> {
  const target = new URL(targetUrl);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = createConnection(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      }).listen(port, '127.0.0.1', () => resolve());
    });
  await listen();
  const cut = () => {
    server?.close();
    server = null;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, close: async () => cut() };
}

export async function couch(url: string, path: string, init: RequestInit = {}, auth?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) } });
  return { status: res.status, body: await res.json().catch(() => null) };
}
