import { PHOTO } from './thresholds';

/**
 * The arithmetic of photo resizing, apart from the browser's canvas: what size a photo becomes,
 * and what kind of file a picture is, read from its first bytes (never from its name or the
 * type the browser guesses).
 */
export interface Size {
  width: number;
  height: number;
}

/** The size that fits within `longSide` on its longest side, same aspect ratio; never larger than it was. */
export function fitWithin(size: Size, longSide: number = PHOTO.longSide): Size {
  const long = Math.max(size.width, size.height);
  if (long <= longSide) return { width: size.width, height: size.height };
  const scale = longSide / long;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** A picture format a browser decodes everywhere; others (HEIC, TIFF, …) are refused with a message. */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export type ImageHeader = { kind: 'image'; format: ImageFormat; size: Size | null } | { kind: 'unsupported'; format: string } | { kind: 'notImage' };

const at = (b: Uint8Array, i: number) => b[i] ?? 0;
const u16be = (b: Uint8Array, i: number) => (at(b, i) << 8) | at(b, i + 1);
const u32be = (b: Uint8Array, i: number) => ((at(b, i) << 24) >>> 0) + (at(b, i + 1) << 16) + (at(b, i + 2) << 8) + at(b, i + 3);
const u16le = (b: Uint8Array, i: number) => at(b, i) | (at(b, i + 1) << 8);
const u24le = (b: Uint8Array, i: number) => at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** JPEG: the frame header (SOFn) holds the size; it may come after large metadata blocks. */
function jpegSize(b: Uint8Array): Size | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (at(b, i) !== 0xff) return null;
    const marker = at(b, i + 1);
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = u16be(b, i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): Size | null {
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L') {
    const bits = u32be(b, 21);
    const le = ((bits & 0xff) << 24) | ((bits & 0xff00) << 8) | ((bits >>> 8) & 0xff00) | (bits >>> 24);
    return { width: (le & 0x3fff) + 1, height: ((le >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return null;
}

/**
 * What a file is, from its first bytes (64 KB are enough for a JPEG's frame header in
 * practice; `size` is null when it was not found there).
 */
export function readImageHeader(b: Uint8Array): ImageHeader {
  if (at(b, 0) === 0xff && at(b, 1) === 0xd8 && at(b, 2) === 0xff) return { kind: 'image', format: 'jpeg', size: jpegSize(b) };
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'image', format: 'png', size: ascii(b, 12, 16) === 'IHDR' ? { width: u32be(b, 16), height: u32be(b, 20) } : null };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp', size: webpSize(b) };
  if (ascii(b, 0, 3) === 'GIF') return { kind: 'unsupported', format: 'GIF' };
  if (ascii(b, 0, 2) === 'BM') return { kind: 'unsupported', format: 'BMP' };
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') return { kind: 'unsupported', format: 'TIFF' };
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (/^(heic|heix|hevc|hevx|mif1|msf1)$/.test(brand)) return { kind: 'unsupported', format: 'HEIC' };
    if (/^avi[fs]$/.test(brand)) return { kind: 'unsupported', format: 'AVIF' };
  }
  if (ascii(b, 0, 5) === '<?xml' || ascii(b, 0, 4) === '<svg') return { kind: 'unsupported', format: 'SVG' };
  return { kind: 'notImage' };
}

/** Why a file cannot become a photo (an i18n key with its numbers), or null when it may be decoded. */
export type PhotoProblem = { key: string; params?: Record<string, string | number> };

export function photoFileProblem(fileBytes: number, header: ImageHeader): PhotoProblem | null {
  if (fileBytes === 0) return { key: 'photo.error.notImage' };
  if (fileBytes > PHOTO.fileBytes) return { key: 'photo.error.fileTooLarge', params: { mb: PHOTO.fileBytes / 1024 / 1024 } };
  if (header.kind === 'notImage') return { key: 'photo.error.notImage' };
  if (header.kind === 'unsupported') return { key: 'photo.error.unsupported', params: { format: header.format } };
  const pixels = header.size ? header.size.width * header.size.height : 0;
  if (pixels > PHOTO.maxPixels) return { key: 'photo.error.tooManyPixels', params: { mp: Math.round(pixels / 1_000_000), max: PHOTO.maxPixels / 1_000_000 } };
  return null;
}

/**
 * Whether stored or received bytes are a photo as this app makes them: a JPEG, within the byte
 * limit and the size limit. Returns the problem's i18n key, or null.
 */
export function storedPhotoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || bytes.length > PHOTO.maxBytes) return 'photo.error.storedTooLarge';
  const header = readImageHeader(bytes);
  if (header.kind !== 'image' || header.format !== 'jpeg' || !header.size) return 'photo.error.notImage';
  if (Math.max(header.size.width, header.size.height) > PHOTO.longSide) return 'photo.error.storedTooLarge';
  return null;
}
