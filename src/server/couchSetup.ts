import { buildDesignDoc, DESIGN_DOC_ID, DEVICE_ROLE } from './designDoc';

/**
 * `npm run couch:setup -- URL DB`: makes a company database ready for Vaardig, as the server's
 * admin. Creates the database (if it is not there), lets the role `vaardig-device` in
 * (`_security`, keeping whatever else is there) and puts the rules (`_design/vaardig`).
 * Running it again changes nothing. The admin's password is asked for, never stored.
 * Node tooling, run by src/server/couch-setup.mjs; not part of the web app.
 */

export interface SetupTarget {
  url: string;
  db: string;
  user: string;
  password: string;
}

export interface SetupResult {
  database: 'created' | 'exists';
  security: 'set' | 'unchanged';
  rules: 'installed' | 'updated' | 'unchanged';
}

interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
  [key: string]: unknown;
}

export class SetupError extends Error {}

export async function setupCouch(target: SetupTarget, log: (line: string) => void = () => {}): Promise<SetupResult> {
  const base = `${target.url.replace(/\/+$/, '')}/${encodeURIComponent(target.db)}`;
  const auth = `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}`;
  const call = async (path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { ...init, headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: auth } });
    } catch (error) {
      throw new SetupError(`Cannot reach ${target.url}: ${(error as Error).message}`);
    }
    const body = await res.json().catch(() => null);
    if (res.status === 401) throw new SetupError(`The server does not accept user "${target.user}" with this password.`);
    if (res.status === 403) throw new SetupError(`User "${target.user}" may not do this: sign in as a server admin. (${reason(body)})`);
    return { status: res.status, body };
  };
  const fail = (what: string, r: { status: number; body: unknown }) => new SetupError(`${what} failed: HTTP ${r.status} ${reason(r.body)}`);

  // 1. The database.
  let database: SetupResult['database'] = 'exists';
  const info = await call('');
  if (info.status === 404) {
    const created = await call('', { method: 'PUT' });
    if (created.status === 201 || created.status === 202) database = 'created';
    else if (created.status !== 412) throw fail(`Creating database ${target.db}`, created);
  } else if (info.status !== 200) throw fail(`Reading database ${target.db}`, info);
  log(database === 'created' ? `Database ${target.db}: created.` : `Database ${target.db}: already there.`);

  // 2. Who may read and write: the admin, and every user with the device role (others kept).
  const current = await call('/_security');
  if (current.status !== 200) throw fail('Reading _security', current);
  const security = (current.body && typeof current.body === 'object' ? current.body : {}) as Security;
  const wanted = withAccess(security, target.user);
  let securityResult: SetupResult['security'] = 'unchanged';
  if (JSON.stringify(wanted) !== JSON.stringify(normalised(security))) {
    const put = await call('/_security', { method: 'PUT', body: JSON.stringify(wanted) });
    if (put.status !== 200) throw fail('Setting _security', put);
    securityResult = 'set';
  }
  log(
    `Access (_security): ${securityResult === 'set' ? 'set' : 'unchanged'}; admins: ${describe(wanted.admins)}; members: ${describe(wanted.members)}.` +
      (securityResult === 'unchanged' ? '' : ' Nobody else can read the database.'),
  );

  // 3. The rules.
  const ddoc = buildDesignDoc();
  const existing = await call(`/${DESIGN_DOC_ID}`);
  let rules: SetupResult['rules'] = 'installed';
  if (existing.status === 200) {
    const { _rev, ...stored } = existing.body as { _rev: string };
    if (JSON.stringify(sortKeys(stored)) === JSON.stringify(sortKeys(ddoc))) rules = 'unchanged';
    else {
      const put = await call(`/${DESIGN_DOC_ID}`, { method: 'PUT', body: JSON.stringify({ ...ddoc, _rev }) });
      if (put.status !== 201 && put.status !== 202) throw fail(`Updating ${DESIGN_DOC_ID}`, put);
      rules = 'updated';
    }
  } else if (existing.status === 404) {
    const put = await call(`/${DESIGN_DOC_ID}`, { method: 'PUT', body: JSON.stringify(ddoc) });
    if (put.status !== 201 && put.status !== 202) throw fail(`Installing ${DESIGN_DOC_ID}`, put);
  } else throw fail(`Reading ${DESIGN_DOC_ID}`, existing);
  log(`Rules (${DESIGN_DOC_ID}): ${rules}.`);
  return { database, security: securityResult, rules };
}

/** `_security` with the admin among the admins and the device role among the members, the rest kept. */
function withAccess(security: Security, admin: string): Security {
  const union = (list: string[] | undefined, item: string) => (list?.includes(item) ? list : [...(list ?? []), item]);
  const current = normalised(security);
  return {
    ...current,
    admins: { names: union(current.admins?.names, admin), roles: current.admins?.roles ?? [] },
    members: { names: current.members?.names ?? [], roles: union(current.members?.roles, DEVICE_ROLE) },
  };
}

/** `_security` with both sections and both lists present, in a fixed order (to compare). */
function normalised(security: Security): Security {
  const section = (s: Security['admins']) => ({ names: s?.names ?? [], roles: s?.roles ?? [] });
  return { ...security, admins: section(security.admins), members: section(security.members) };
}

function describe(section: Security['admins']): string {
  const parts = [...(section?.names ?? []).map((n) => `user ${n}`), ...(section?.roles ?? []).map((r) => `role ${r}`)];
  return parts.length ? parts.join(', ') : 'none';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

function reason(body: unknown): string {
  const b = body as { error?: string; reason?: string } | null;
  return b && (b.reason || b.error) ? `(${[b.error, b.reason].filter(Boolean).join(': ')})` : '';
}

/** What to do next, printed after a successful run. */
export function nextSteps(target: Pick<SetupTarget, 'url' | 'db'>): string {
  const url = target.url.replace(/\/+$/, '');
  return [
    '',
    'Next: one CouchDB user per device.',
    "  1. On each device, open Vaardig's settings and note its device id.",
    `  2. Create a user named exactly after that id, with the role ${DEVICE_ROLE} (as the admin):`,
    `       curl -u ADMIN -X PUT ${url}/_users/org.couchdb.user:DEVICE_ID \\`,
    `         -H 'Content-Type: application/json' \\`,
    `         -d '{"name":"DEVICE_ID","password":"…","roles":["${DEVICE_ROLE}"],"type":"user"}'`,
    `  3. On the device, connect to ${url}, database ${target.db}, with that user and password.`,
    'A device can then add its own events only: never change or delete one, never write as another device.',
  ].join('\n');
}

/** The command line: `couch:setup URL DB`, the admin from COUCH_ADMIN/COUCH_PASSWORD or asked for. */
export async function main(args: string[], ask: (question: string, secret: boolean) => Promise<string>): Promise<number> {
  const [url, db] = args.filter((a) => !a.startsWith('-'));
  if (!url || !db || args.includes('--help') || args.includes('-h')) {
    console.error('Usage: npm run couch:setup -- URL DB   (e.g. npm run couch:setup -- https://couch.example.nl veerman)');
    console.error('The admin user and password are asked for, or read from COUCH_ADMIN and COUCH_PASSWORD.');
    return args.includes('--help') || args.includes('-h') ? 0 : 2;
  }
  if (!/^https?:\/\//.test(url)) {
    console.error(`Not a server address: ${url} (it starts with https:// or http://).`);
    return 2;
  }
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) {
    console.error(`Not a CouchDB database name: ${db} (lowercase letters, digits and _$()+-/, starting with a letter).`);
    return 2;
  }
  const user = process.env.COUCH_ADMIN || (await ask('Admin user: ', false));
  const password = process.env.COUCH_PASSWORD ?? (await ask(`Password for ${user}: `, true));
  if (!user) {
    console.error('No admin user given.');
    return 2;
  }
  try {
    await setupCouch({ url, db, user, password }, (line) => console.log(line));
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  console.log(nextSteps({ url, db }));
  return 0;
}

/** Asks on the terminal; a secret is not echoed. Nothing is kept. */
export function askTerminal(question: string, secret: boolean): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.reject(new SetupError('No terminal to ask on: set COUCH_ADMIN and COUCH_PASSWORD.'));
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const done = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new SetupError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') {
          if (answer.length) {
            answer = [...answer].slice(0, -1).join('');
            if (!secret) process.stderr.write('\b \b');
          }
        } else if (ch >= ' ') {
          answer += ch;
          if (!secret) process.stderr.write(ch);
        }
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
