import { describe, expect, it } from 'vitest';
import { fitWithin, photoFileProblem, readImageHeader, storedPhotoProblem } from './photoFiles';
import { PHOTO } from './thresholds';

/** The first bytes of a PNG that says it is width × height (the rest does not matter for the header). */
function pngHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

/** A JPEG start with an EXIF block before the frame header, as cameras write them. */
function jpegHeader(width: number, height: number, exifBytes = 100): Uint8Array {
  const exif = [0xff, 0xe1, (exifBytes + 2) >> 8, (exifBytes + 2) & 0xff, ...new Array(exifBytes).fill(0)];
  const sof = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  return new Uint8Array([0xff, 0xd8, ...exif, ...sof, ...new Array(20).fill(0)]);
}

describe('resizing a photo', () => {
  it('fits the long side within the limit and keeps the aspect ratio', () => {
    for (const [w, h] of [
      [4000, 3000],
      [3000, 4000],
      [8165, 6124],
      [1601, 10],
      [6000, 6000],
    ] as const) {
      const out = fitWithin({ width: w, height: h });
      expect(Math.max(out.width, out.height)).toBe(PHOTO.longSide);
      expect(Math.abs(out.width / out.height - w / h) / (w / h)).toBeLessThan(0.07);
      expect(out.width).toBeGreaterThanOrEqual(1);
    }
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 });
  });

  it('never makes a small photo larger', () => {
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 1600, height: 900 })).toEqual({ width: 1600, height: 900 });
  });
});

describe('what a file is, from its first bytes', () => {
  it('reads the size of PNG and JPEG (behind its EXIF block)', () => {
    expect(readImageHeader(pngHeader(640, 480))).toEqual({ kind: 'image', format: 'png', size: { width: 640, height: 480 } });
    expect(readImageHeader(jpegHeader(4032, 3024, 2000))).toEqual({ kind: 'image', format: 'jpeg', size: { width: 4032, height: 3024 } });
  });

  it('names formats it cannot take, and says when it is no picture at all', () => {
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic')]);
    expect(readImageHeader(heic)).toEqual({ kind: 'unsupported', format: 'HEIC' });
    expect(readImageHeader(new TextEncoder().encode('GIF89a...'))).toEqual({ kind: 'unsupported', format: 'GIF' });
    expect(readImageHeader(new TextEncoder().encode('Naam;Team\r\n'))).toEqual({ kind: 'notImage' });
  });

  it('refuses a 50-megapixel photo, a file too large and a non-image before decoding', () => {
    expect(photoFileProblem(1000, readImageHeader(pngHeader(8165, 6124)))).toEqual({ key: 'photo.error.tooManyPixels', params: { mp: 50, max: 40 } });
    expect(photoFileProblem(PHOTO.fileBytes + 1, readImageHeader(jpegHeader(100, 100)))?.key).toBe('photo.error.fileTooLarge');
    expect(photoFileProblem(10, readImageHeader(new TextEncoder().encode('hallo')))?.key).toBe('photo.error.notImage');
    expect(photoFileProblem(0, { kind: 'notImage' })?.key).toBe('photo.error.notImage');
    expect(photoFileProblem(5_000_000, readImageHeader(jpegHeader(4032, 3024)))).toBeNull();
  });

  it('takes only JPEGs within the limits as stored photos', () => {
    expect(storedPhotoProblem(jpegHeader(1600, 1200))).toBeNull();
    expect(storedPhotoProblem(jpegHeader(1601, 1200))).toBe('photo.error.storedTooLarge');
    expect(storedPhotoProblem(pngHeader(100, 100))).toBe('photo.error.notImage');
    expect(storedPhotoProblem(new Uint8Array(PHOTO.maxBytes + 1))).toBe('photo.error.storedTooLarge');
  });
});
