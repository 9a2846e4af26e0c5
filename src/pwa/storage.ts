/**
 * Asks the browser to keep our data (IndexedDB) even when the disk gets full, and reports
 * what it decided. Chromium grants it to installed or much-used apps without a prompt.
 */
export type PersistState = 'persisted' | 'not-persisted' | 'unsupported';

export interface StorageInfo {
  persist: PersistState;
  usage?: number;
  quota?: number;
}

export async function storageInfo(): Promise<StorageInfo> {
  const storage = navigator.storage;
  if (!storage?.persisted) return { persist: 'unsupported' };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate?.() ?? Promise.resolve(undefined)]);
  return { persist: persisted ? 'persisted' : 'not-persisted', usage: estimate?.usage, quota: estimate?.quota };
}

export async function requestPersistence(): Promise<PersistState> {
  const storage = navigator.storage;
  if (!storage?.persist) return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'persisted' : 'not-persisted';
}
