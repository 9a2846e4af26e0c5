// A CouchDB-compatible server for tests, in memory, on loopback: express + express-pouchdb over
// PouchDB with the pure-JS memory adapter (memdown). Nothing here needs a native build.
//
//   node tests/couch/server.mjs [--port N] [--exit-with-stdin]   (port 0, the default: a free one)
//
// Prints one line `listening on http://127.0.0.1:PORT` once it accepts connections; exits on
// SIGTERM/SIGINT, or with --exit-with-stdin when its parent closes stdin. Everything lives in memory: config (server
// admins), _users, databases, design documents. What the tests rely on: databases,
// _bulk_docs (also new_edits:false), _changes (since, limit, include_docs, longpoll),
// _all_docs, _security with members and admins, server admins through /_config/admins,
// basic auth, validate_doc_update (403 forbidden / 401 unauthorized) and CORS for the browser.
import { devNull } from 'node:os';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

const PouchDB = PouchCore.plugin(memoryAdapter).plugin(mapreduce).plugin(replication).defaults({ adapter: 'memory' });

const pouchApp = expressPouchDB(PouchDB, {
  mode: 'fullCouchDB',
  inMemoryConfig: true, // no config.json on disk
  logPath: devNull, // no log.txt on disk
  overrideMode: {
    // Not needed here: the Fauxton UI, on-disk size, and the replicator daemon.
    exclude: ['routes/fauxton', 'disk-size', 'replicator', 'routes/replicate', 'routes/active-tasks'],
  },
});

const app = express();
app.disable('x-powered-by');
app.use(cors);
app.use(pouchApp);

/**
 * CORS as CouchDB's `[cors] origins = *` with credentials: echo the origin, allow the
 * headers and methods sync uses, answer preflights here.
 */
function cors(req, res, next) {
  const origin = req.headers.origin;
  if (!origin) return next();
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Type, Cache-Control, ETag, Server, X-Couch-Request-ID');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, COPY');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] || 'Accept, Authorization, Content-Type, Origin, Referer');
    res.setHeader('Access-Control-Max-Age', '600');
    res.statusCode = 204;
    return res.end();
  }
  next();
}

const server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
server.on('error', (error) => {
  process.stderr.write(`couch test server: ${error.message}\n`);
  process.exit(1);
});

const stop = () => {
  server.close();
  server.closeAllConnections?.();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// --exit-with-stdin: a parent that dies without a signal (its end of the pipe closes) still
// takes the server with it.
if (process.argv.includes('--exit-with-stdin')) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
