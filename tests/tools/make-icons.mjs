// Draws the PWA icons (the ILUO mark: a circle three-quarters filled) as PNG files.
// Run: node tests/tools/make-icons.mjs  — the output is committed in public/icons.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4e, 0xd8];
const GREEN = [0x15, 0x80, 0x3d];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function mark(size, { radiusFraction, rounded }) {
  const c = size / 2;
  const r = size * radiusFraction;
  const corner = size * 0.22;
  return (x, y) => {
    if (rounded) {
      const dx = Math.max(corner - x, 0, x - (size - corner));
      const dy = Math.max(corner - y, 0, y - (size - corner));
      if (dx * dx + dy * dy > corner * corner) return [0, 0, 0, 0];
    }
    const d = Math.hypot(x - c, y - c);
    if (d > r) return [...BLUE, 255];
    if (d > r - size * 0.03) return [...WHITE, 255];
    // Three quarters filled, clockwise from 12 o'clock: the level U.
    const angle = (Math.atan2(x - c, -(y - c)) + 2 * Math.PI) % (2 * Math.PI);
    return [...(angle <= 1.5 * Math.PI ? GREEN : WHITE), 255];
  };
}

const out = new URL('../../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, mark(192, { radiusFraction: 0.34, rounded: true })));
writeFileSync(new URL('icon-512.png', out), png(512, mark(512, { radiusFraction: 0.34, rounded: true })));
// Maskable: full bleed, the mark inside the 80% safe zone.
writeFileSync(new URL('maskable-512.png', out), png(512, mark(512, { radiusFraction: 0.28, rounded: false })));
