import type { VaardigEvent } from '../../domain/events';
import { SyncError, type ChangesOptions, type SyncTransport } from './transport';

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
  return { _id: event.id, _rev: `1-${event.id.replace(/-/g, '').padEnd(32, '0').slice(0, 32)}`, ...event };
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

  private async request(path: string, init: RequestInit = {}, signal?: AbortSignal): Promise<unknown> {
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

  async push(events: VaardigEvent[]): Promise<void> {
    if (!events.length) return;
    const result = await this.request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs: events.map(toDoc), new_edits: false }) });
    // With new_edits:false CouchDB answers [] (or per-doc errors for refused documents).
    if (Array.isArray(result) && result.some((r: { error?: string }) => r.error && r.error !== 'conflict')) throw new SyncError('rejected');
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
}
