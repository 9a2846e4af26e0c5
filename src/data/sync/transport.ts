import type { VaardigEvent } from '../../domain/events';
import type { PhotoDoc } from '../../domain/photoDocs';

/**
 * What sync needs from a server, whatever it is: check that the company's database is there,
 * push events, and pull what changed since a checkpoint. CouchDB is one implementation
 * (couchTransport.ts); a test can bring another.
 */
export type SyncProblem = 'unreachable' | 'credentials' | 'missingDatabase' | 'rejected' | 'badResponse' | 'otherDatabase';

/** Every failure of a transport is one of a handful of kinds the user can act on. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncProblem,
    detail = '',
    /** For a push the server took in part: the ids it refused one by one (its rules, per event). */
    readonly refusedIds: readonly string[] = [],
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ChangesOptions {
  /** Wait on the server until something changes (or its timeout). */
  longpoll?: boolean;
  limit?: number;
  signal?: AbortSignal;
}

export interface SyncTransport {
  /** Checks the database exists and may be read; throws a SyncError otherwise. */
  check(): Promise<void>;
  /**
   * Stores events on the server; pushing an event twice is harmless. `after` names, per id, the
   * revision of a deleted document: that event is sent as a later revision, so it comes back.
   */
  push(events: VaardigEvent[], after?: ReadonlyMap<string, string>): Promise<void>;
  /** Stores photo documents; pushing one twice is harmless. Returns the ids the server's rules refused. */
  pushPhotos(docs: PhotoDoc[]): Promise<string[]>;
  /** Deletes photo documents by their hash (a forgotten person's evidence); ones not there are skipped. Returns how many went. */
  deletePhotos(hashes: string[]): Promise<number>;
  /** Event documents (still untrusted) after `since`, and the checkpoint to continue from. */
  changes(since: string, options?: ChangesOptions): Promise<{ docs: unknown[]; lastSeq: string }>;
  /** How far the server's own sequence is, and how many documents it holds. */
  info(): Promise<ServerInfo>;
  /** The mark this database carries (written once by the first device), or null when it has none. */
  instance(): Promise<string | null>;
  /** Writes the mark unless another device was first; answers the mark the database has now. */
  claimInstance(mark: string): Promise<string>;
  /** One page of the ids the server holds, in order, after `after`. */
  ids(after: string | null, limit: number): Promise<string[]>;
  /** What the server holds for these ids: the document (if asked), or that it was deleted. */
  lookup(ids: string[], withDocs?: boolean): Promise<Lookup[]>;
  /**
   * Stores documents that are not events (people's keys), each written once: answers the ids
   * the server refused. One deleted before is not brought back.
   */
  putDocs(docs: { id: string; [field: string]: unknown }[]): Promise<string[]>;
  /** Deletes these documents where the server holds them (gone already is fine). */
  remove(ids: string[]): Promise<void>;
}

export interface ServerInfo {
  updateSeq: string;
  docCount: number;
}

export interface Lookup {
  id: string;
  /** The revision of a deleted document (a tombstone), which a revived event has to follow. */
  deletedRev?: string;
  doc?: unknown;
}
