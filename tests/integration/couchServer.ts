import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = fileURLToPath(new URL('../couch/server.mjs', import.meta.url));

/**
 * A CouchDB-compatible server for tests: express-pouchdb over in-memory PouchDB
 * (tests/couch/server.mjs) in a child process on 127.0.0.1, on a port it picks itself.
 * Started and stopped by the tests; it also exits when this process goes away (its stdin closes).
 */
export async function startCouch(): Promise<{ url: string; stop: () => Promise<void> }> {
  const proc: ChildProcess = spawn(process.execPath, [SERVER_SCRIPT, '--exit-with-stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) resolve(m[1]!);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('error', reject);
    proc.once('exit', (code, signal) => reject(new Error(`the test CouchDB server exited (${code ?? signal}) before it listened: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A TCP proxy in front of the server that can be cut and restored, and can cut connections
 * in flight: how a device sees a server that goes away in the middle of a push.
 * `cutOnRequest(text, n)` cuts everything at the moment the n-th request containing `text`
 * (e.g. `POST /db/_bulk_docs`) has begun to reach the server: a cut at a known point of the
 * exchange, whatever the speed of the machine.
 */
export async function startProxy(targetUrl: string): Promise<{
  url: string;
  cut: () => void;
  cutOnRequest: (text: string, nth: number) => Promise<void>;
  restore: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let trigger: { text: string; left: number; fired: () => void } | null = null;
  let seen = '';

  const cut = () => {
    server?.close();
    server = null;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const onClientData = (upstream: Socket) => (chunk: Buffer) => {
    if (trigger) {
      // Keep a little of the previous chunk so a marker split across two chunks is still seen.
      const text = seen + chunk.toString('latin1');
      seen = text.slice(-trigger.text.length);
      const hits = text.split(trigger.text).length - 1;
      if (hits && (trigger.left -= hits) <= 0) {
        const { fired } = trigger;
        trigger = null;
        upstream.write(chunk, () => {
          cut();
          fired();
        });
        return;
      }
    }
    upstream.write(chunk);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = createConnection(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.on('data', onClientData(upstream));
        upstream.pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  await listen();
  const cutOnRequest = (text: string, nth: number) =>
    new Promise<void>((fired) => {
      seen = '';
      trigger = { text, left: nth, fired };
    });
  return { url: `http://127.0.0.1:${port}`, cut, cutOnRequest, restore: listen, close: async () => cut() };
}

// CouchDB answers differ per endpoint; each test reads only what it asserts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function couch(url: string, path: string, init: RequestInit = {}, auth?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {}) } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/**
 * The server loses everything: the database deleted and created empty again. Deleting is
 * finished on the server only some time after its answer, and a device's request that was
 * already inside may still land: repeated until the database is there and empty (a condition,
 * not a delay).
 */
export async function wipeDatabase(url: string, db: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    await couch(url, `/${db}`, { method: 'DELETE' });
    if ((await couch(url, `/${db}`, { method: 'PUT' })).status === 201 && (await couch(url, `/${db}/_all_docs`)).body.rows.length === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`The database ${db} could not be wiped`);
}
