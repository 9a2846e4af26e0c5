import type { VaardigEvent } from '../../domain/events';

/**
 * What sync needs from a server, whatever it is: check that the company's database is there,
 * push events, and pull what changed since a checkpoint. CouchDB is one implementation
 * (couchTransport.ts); a test can bring another.
 */
export type SyncProblem = 'unreachable' | 'credentials' | 'missingDatabase' | 'rejected' | 'badResponse';

/** Every failure of a transport is one of a handful of kinds the user can act on. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncProblem,
    detail = '',
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
  /** Stores events on the server; pushing an event twice is harmless. */
  push(events: VaardigEvent[]): Promise<void>;
  /** Event documents (still untrusted) after `since`, and the checkpoint to continue from. */
  changes(since: string, options?: ChangesOptions): Promise<{ docs: unknown[]; lastSeq: string }>;
}
