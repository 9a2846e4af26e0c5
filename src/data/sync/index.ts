/**
 * Sync: several devices, one matrix, through the company's CouchDB. The status is read by
 * the screens at once; the engine (which brings the event schemas) loads when it is needed.
 */
export { useSyncStatus, type Repair, type SyncPhase, type SyncProgress } from './syncStatus';
export type { SyncProblem, SyncTransport } from './transport';
export type { CouchTarget } from './couchTransport';
export type { SyncConfig } from '../store';
export type { JoinPlan } from './syncEngine';

const engine = () => import('./syncEngine');

export const startSync = async (): Promise<void> => (await engine()).startSync();
export const stopSync = async (): Promise<void> => (await engine()).stopSync();
export const connect = async (...args: Parameters<Awaited<ReturnType<typeof engine>>['connect']>) => (await engine()).connect(...args);
export const disconnect = async (): Promise<void> => (await engine()).disconnect();
export const checkWithServer = async () => (await engine()).checkWithServer();
