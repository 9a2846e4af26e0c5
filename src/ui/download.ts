import { LIMITS } from '../domain/thresholds';
import type { Language } from '../i18n/locales';
import { formatBytes } from './format';

/** Saves a file through the browser's download (works offline; nothing leaves the device). */
export function download(content: BlobPart | Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Any file a person chooses (a matrix, a backup, a qualification file) is checked by its size
 * before a byte of it is read: a file too big for a tablet's memory is never loaded.
 */
export function fileTooBig(file: Blob, language: Language): { key: 'error.fileTooBig'; params: { max: string } } | null {
  return file.size > LIMITS.fileBytes ? { key: 'error.fileTooBig', params: { max: formatBytes(LIMITS.fileBytes, language) } } : null;
}
