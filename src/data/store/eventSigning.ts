import Dexie from 'dexie';
import type { VaardigEvent } from '../../domain/events';
import { contentHash, hexToBytes, ROOT_EVENT_ID, toBase64Url } from '../../domain/identity/eventIdentity';
import { loadDeviceKey, loadedDeviceKey, SIGNING } from './deviceKey';
import type { SignReply, SignRequest } from './signWorker';

// Apart from deviceKey.ts: the first paint loads the key (the clock needs it), not the hashing
// that signing events needs.
/**
 * Signs events in place (their `sig`); safe inside a Dexie transaction. An event's id is the hash
 * of its content (it was just built here), so that is what is signed — only the first device's
 * enrolment, under its fixed id, has its hash computed again.
 */
export async function signEvents(events: readonly VaardigEvent[]): Promise<void> {
  if (!events.length) return;
  const key = loadedDeviceKey() ?? (await Dexie.waitFor(loadDeviceKey()));
  const hashes = events.map((e) => hexToBytes(e.id === ROOT_EVENT_ID ? contentHash(e) : e.id));
  const signing = events.length >= WORKER_BATCH && typeof Worker !== 'undefined' ? signInWorker(key.privateKey, hashes) : signHere(key.privateKey, hashes);
  const signatures = Dexie.currentTransaction ? await Dexie.waitFor(signing) : await signing;
  events.forEach((e, i) => (e.sig = toBase64Url(new Uint8Array(signatures[i]!))));
}

/** From this many events on (a factory, a restore, a big import) they are signed on a worker thread. */
const WORKER_BATCH = 500;

// Both return a plain promise and never `await` inside: called in a Dexie transaction, an
// awaiting function's continuation would run outside it, and its next write would wait for the
// transaction that waits for it (adding a person hung so).
function signHere(privateKey: CryptoKey, hashes: readonly Uint8Array<ArrayBuffer>[]): Promise<ArrayBuffer[]> {
  return Promise.all(hashes.map((h) => crypto.subtle.sign({ name: SIGNING.name, hash: SIGNING.hash }, privateKey, h)));
}

/** signWorker.ts signs them; where no worker starts or it fails, they are signed here after all. */
function signInWorker(privateKey: CryptoKey, hashes: readonly Uint8Array<ArrayBuffer>[]): Promise<(ArrayBuffer | Uint8Array)[]> {
  const packed = new Uint8Array(hashes.length * 32);
  hashes.forEach((h, i) => packed.set(h, i * 32));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./signWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return signHere(privateKey, hashes);
  }
  return new Promise((resolve) => {
    // The worker could not load or sign (an old cache, a blocked worker): one thread it is.
    const here = () => {
      worker.terminate();
      resolve(signHere(privateKey, hashes));
    };
    worker.onerror = here;
    worker.onmessage = ({ data }: MessageEvent<SignReply>) => {
      if (data.error !== undefined) return here();
      worker.terminate();
      resolve(hashes.map((_, i) => data.signatures.subarray(i * 64, (i + 1) * 64)));
    };
    const request: SignRequest = { algorithm: { name: SIGNING.name, hash: SIGNING.hash }, key: privateKey, hashes: packed };
    worker.postMessage(request, [packed.buffer]);
  });
}
