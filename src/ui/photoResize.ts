import { fitWithin, photoFileProblem, readImageHeader, type PhotoProblem, type Size } from '../domain/photoFiles';
import { PHOTO } from '../domain/thresholds';

/**
 * Makes a photo from a file the person chose (or took with the camera): checked by its first
 * bytes and its size before it is decoded, then drawn at most `PHOTO.longSide` pixels long and
 * encoded as JPEG, lower in quality step by step (and smaller, if need be) until it is at most
 * `PHOTO.maxBytes`. Drawing on a canvas keeps only the pixels: EXIF, the camera's location among
 * it, does not come along. The orientation the camera wrote is applied first.
 */
export interface ResizedPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export type PhotoOutcome = { ok: true; photo: ResizedPhoto } | { ok: false; problem: PhotoProblem };

/** A JPEG's frame header can follow large metadata: the first bytes read, then more if needed. */
const HEADER_READS = [64 * 1024, 1024 * 1024];

async function header(file: Blob) {
  let read = readImageHeader(new Uint8Array(await file.slice(0, HEADER_READS[0]).arrayBuffer()));
  if (read.kind === 'image' && !read.size && file.size > HEADER_READS[0]!) read = readImageHeader(new Uint8Array(await file.slice(0, HEADER_READS[1]).arrayBuffer()));
  return read;
}

async function encode(bitmap: ImageBitmap, size: Size, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', quality));
}

export async function resizePhoto(file: Blob): Promise<PhotoOutcome> {
  // Refused by its size before anything is read.
  const early = file.size > PHOTO.fileBytes || file.size === 0 ? photoFileProblem(file.size, { kind: 'notImage' }) : null;
  if (early) return { ok: false, problem: early };
  const problem = photoFileProblem(file.size, await header(file));
  if (problem) return { ok: false, problem };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, problem: { key: 'photo.error.unreadable' } };
  }
  try {
    if (bitmap.width * bitmap.height > PHOTO.maxPixels) return { ok: false, problem: photoFileProblem(file.size, { kind: 'image', format: 'jpeg', size: bitmap })! };
    let size = fitWithin(bitmap);
    // Lower quality first; if even the lowest is too large, a smaller photo and the qualities again.
    for (let round = 0; round < 4; round++) {
      for (const quality of PHOTO.qualities) {
        const blob = await encode(bitmap, size, quality);
        if (blob.size <= PHOTO.maxBytes) return { ok: true, photo: { bytes: new Uint8Array(await blob.arrayBuffer()), ...size } };
      }
      size = fitWithin(size, Math.round(Math.max(size.width, size.height) * 0.75));
    }
    return { ok: false, problem: { key: 'photo.error.storedTooLarge' } };
  } finally {
    bitmap.close();
  }
}
