import type { VaardigEvent } from '../../domain/events';
import { photoDocId, type PhotoDoc } from '../../domain/photoDocs';
import { SyncError, type ChangesOptions, type Lookup, type ServerInfo, type SyncTransport } from './transport';

/** A document CouchDB does not replicate and does not list in `_changes`: this database's mark. */
const INSTANCE_DOC = '/_local/vaardig-instance';

/**
 * The company's Apache CouchDB as a sync transport: the database's info, `_bulk_docs` to push
 * and `_changes` to pull, over its HTTP API.
 */
export interface CouchTarget {
  url: string;
  db: string;
  user: string;
  password: string;
}

/** An event as a CouchDB document. `_rev` is derived from the id, so pushing twice is a no-op. */
export function toDoc(event: VaardigEvent) {
  return revivedDoc(event);
}

/** The same, as the revision after a deletion (`after`, the tombstone's revision): so it wins over the tombstone. */
export function revivedDoc(event: VaardigEvent, after?: string) {
  const generation = after ? Number.parseInt(after, 10) + 1 : 1;
  return { _id: event.id, _rev: `${generation}-${revisionHash(event.id)}`, ...event };
}

/**
 * The 32 hex digits of an event's revision, from its id (CouchDB reads a 32-character revision
 * as hex). An id in hex (a content hash; a UUID without its dashes) gives its first 32 digits;
 * another id (the first device's fixed one) is written out in hex first. The server's rules
 * derive the same (src/server/designDoc.ts).
 */
export function revisionHash(id: string): string {
  const plain = id.replace(/-/g, '');
  const hex = /^[0-9a-f]+$/.test(plain) ? plain : Array.from(plain, (c) => c.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)).join('');
  return hex.padEnd(32, '0').slice(0, 32);
}

export function fromDoc(doc: Record<string, unknown>): unknown {
  const { _id, _rev, _revisions, ...rest } = doc;
  return { ...rest, id: rest.id ?? _id };
}

export class CouchTransport implements SyncTransport {
  constructor(private readonly target: CouchTarget) {}

  private base(): string {
    return `${this.target.url.replace(/\/+$/, '')}/${encodeURIComponent(this.target.db)}`;
  }

  private async request(path: string, init: RequestInit = {}, signal?: AbortSignal, missing?: 'null'): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.base()}${path}`, {
        ...init,
        signal,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(this.target.user ? { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${this.target.user}:${this.target.password}`)))}` } : {}),
        },
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new SyncError('unreachable', (error as Error).message);
    }
    if (res.status === 401) throw new SyncError('credentials');
    if (res.status === 404 && missing) return null;
    if (res.status === 404) throw new SyncError('missingDatabase');
    if (res.status === 403) throw new SyncError('rejected');
    if (!res.ok) throw new SyncError(res.status >= 500 ? 'unreachable' : 'badResponse', String(res.status));
    try {
      return await res.json();
    } catch {
      throw new SyncError('badResponse', 'not JSON');
    }
  }

  /** Checks the database exists and we may read it. */
  async check(): Promise<void> {
    const info = (await this.request('')) as { db_name?: string };
    if (!info || typeof info !== 'object' || !('db_name' in info)) throw new SyncError('badResponse', 'no db_name');
  }

  async push(events: VaardigEvent[], after?: ReadonlyMap<string, string>): Promise<void> {
    if (!events.length) return;
    const docs = events.map((e) => revivedDoc(e, after?.get(e.id)));
    const result = await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });
    // With new_edits:false CouchDB answers [] (or per-doc errors for refused documents).
    const refused = Array.isArray(result) ? (result as { id?: string; error?: string }[]).filter((r) => r.error && r.error !== 'conflict') : [];
    if (refused.length)
      throw new SyncError(
        'rejected',
        'refused per event',
        refused.map((r) => String(r.id)),
      );
  }

  async pushPhotos(docs: PhotoDoc[]): Promise<string[]> {
    if (!docs.length) return [];
    const result = await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs, new_edits: false }) });
    return Array.isArray(result) ? (result as { id?: string; error?: string }[]).filter((r) => r.error && r.error !== 'conflict').map((r) => String(r.id)) : [];
  }

  async deletePhotos(hashes: string[]): Promise<number> {
    const live = (await this.lookup(hashes.map(photoDocId), true)).filter((l) => !l.deletedRev && l.doc);
    if (!live.length) return 0;
    const rev = async (id: string) => ((await this.request(`/${encodeURIComponent(id)}`)) as { _rev: string })._rev;
    const docs = await Promise.all(live.map(async (l) => ({ _id: l.id, _rev: await rev(l.id), _deleted: true })));
    const result = (await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }) })) as { ok?: boolean }[];
    return Array.isArray(result) ? result.filter((r) => r.ok).length : 0;
  }

  async changes(since: string, options: ChangesOptions = {}): Promise<{ docs: unknown[]; lastSeq: string }> {
    const params = new URLSearchParams({ since, include_docs: 'true', limit: String(options.limit ?? 1000) });
    if (options.longpoll) {
      params.set('feed', 'longpoll');
      params.set('timeout', '25000');
    }
    const body = (await this.request(`/_changes?${params}`, {}, options.signal)) as { results?: { doc?: Record<string, unknown>; deleted?: boolean }[]; last_seq?: unknown };
    if (!body || !Array.isArray(body.results)) throw new SyncError('badResponse', 'no results');
    return {
      docs: body.results.filter((r) => r.doc && !r.deleted && !String(r.doc._id).startsWith('_design/')).map((r) => fromDoc(r.doc!)),
      lastSeq: String(body.last_seq ?? since),
    };
  }

  async info(): Promise<ServerInfo> {
    const info = (await this.request('')) as { update_seq?: unknown; doc_count?: unknown } | null;
    if (!info || typeof info !== 'object' || typeof info.doc_count !== 'number') throw new SyncError('badResponse', 'no doc_count');
    return { updateSeq: String(info.update_seq ?? '0'), docCount: info.doc_count };
  }

  async instance(): Promise<string | null> {
    const doc = (await this.request(INSTANCE_DOC, {}, undefined, 'null')) as { mark?: unknown } | null;
    return doc && typeof doc.mark === 'string' ? doc.mark : null;
  }

  async claimInstance(mark: string): Promise<string> {
    try {
      await this.request(INSTANCE_DOC, { method: 'PUT', body: JSON.stringify({ mark }) });
      return mark;
    } catch (error) {
      // Another device wrote it first (409): that mark is the database's.
      if (!(error instanceof SyncError && error.kind === 'badResponse' && error.message.endsWith('409'))) throw error;
      const now = await this.instance();
      if (!now) throw error;
      return now;
    }
  }

  async ids(after: string | null, limit: number): Promise<string[]> {
    // startkey plus skip=1: the next page begins after the last id seen (CouchDB's own advice).
    const params = new URLSearchParams({ limit: String(limit) });
    if (after !== null) {
      params.set('startkey', JSON.stringify(after));
      params.set('skip', '1');
    }
    const body = (await this.request(`/_all_docs?${params}`)) as { rows?: { id?: unknown }[] } | null;
    if (!body || !Array.isArray(body.rows)) throw new SyncError('badResponse', 'no rows');
    return body.rows.map((r) => String(r.id));
  }

  async putDocs(docs: { id: string; [field: string]: unknown }[]): Promise<string[]> {
    if (!docs.length) return [];
    // new_edits:false with the first revision: a document deleted since keeps its tombstone.
    const body = docs.map(({ id, ...fields }) => ({ _id: id, _rev: `1-${revisionHash(id)}`, ...fields }));
    const result = await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: body, new_edits: false }) });
    return Array.isArray(result) ? (result as { id?: string; error?: string }[]).filter((r) => r.error && r.error !== 'conflict').map((r) => String(r.id)) : [];
  }

  async remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const revs = await this.request('/_all_docs', { method: 'POST', body: JSON.stringify({ keys: ids }) });
    const rows = ((revs as { rows?: { id?: string; value?: { rev?: string; deleted?: boolean } }[] } | null)?.rows ?? []).filter((r) => r.id && r.value?.rev && !r.value.deleted);
    if (!rows.length) return;
    await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: rows.map((r) => ({ _id: r.id, _rev: r.value!.rev, _deleted: true })) }) });
  }

  async lookup(ids: string[], withDocs = false): Promise<Lookup[]> {
    if (!ids.length) return [];
    const body = (await this.request(`/_all_docs${withDocs ? '?include_docs=true' : ''}`, { method: 'POST', body: JSON.stringify({ keys: ids }) })) as {
      rows?: { key?: unknown; value?: { rev?: string; deleted?: boolean }; doc?: Record<string, unknown> | null; error?: string }[];
    } | null;
    if (!body || !Array.isArray(body.rows)) throw new SyncError('badResponse', 'no rows');
    return body.rows.flatMap((r): Lookup[] => {
      if (r.error || !r.value) return [];
      const id = String(r.key);
      if (r.value.deleted) return [{ id, deletedRev: r.value.rev ?? '1-' }];
      return [withDocs && r.doc ? { id, doc: fromDoc(r.doc) } : { id }];
    });
  }
}
