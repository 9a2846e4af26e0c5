import { LIMITS } from '../domain/thresholds';

/** A file larger than any file Vaardig takes, refused by its size before it is read. */
export function fileTooBig(file: Pick<File, 'size'>): { ok: false; key: 'file.tooBig'; params: { mb: number } } | null {
  return file.size > LIMITS.fileBytes ? { ok: false, key: 'file.tooBig', params: { mb: LIMITS.fileBytes / 2 ** 20 } } : null;
}
