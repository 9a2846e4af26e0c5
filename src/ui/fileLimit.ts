import { LIMITS } from '../domain/thresholds';

/** A file larger than Vaardig takes of its kind, refused by its size before it is read. */
export function fileTooBig(file: Pick<File, 'size'>, limit: number = LIMITS.fileBytes): { ok: false; key: 'file.tooBig'; params: { mb: number } } | null {
  return file.size > limit ? { ok: false, key: 'file.tooBig', params: { mb: limit / 2 ** 20 } } : null;
}
