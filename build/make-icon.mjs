// Draws the app icon (a periscope lens on a rounded square) and writes build/icon.png, 512x512
// RGBA, with nothing but zlib: run `node build/make-icon.mjs` after changing the drawing.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

function coverage(distanceOutside) {
  return Math.max(0, Math.min(1, 0.5 - distanceOutside)); // one pixel of anti-aliasing
}

function roundedSquare(x, y, inset, radius) {
  const half = SIZE / 2 - inset;
  const dx = Math.abs(x - SIZE / 2) - (half - radius);
  const dy = Math.abs(y - SIZE / 2) - (half - radius);
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
  return coverage(outside);
}

function ring(x, y, cx, cy, r, width) {
  return coverage(Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2);
}

function disc(x, y, cx, cy, r) {
  return coverage(Math.hypot(x - cx, y - cy) - r);
}

function rect(x, y, x0, y0, x1, y1) {
  return Math.min(coverage(x0 - x), coverage(x - x1), coverage(y0 - y), coverage(y - y1));
}

const top = [32, 56, 120];
const bottom = [18, 130, 160];
const lens = [250, 250, 255];
const glint = [255, 214, 90];

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const base = roundedSquare(x + 0.5, y + 0.5, 24, 96);
    let color = mix(top, bottom, y / SIZE);
    // The periscope: a vertical tube, an elbow to the right, and a lens looking out.
    const tube = Math.max(rect(x, y, 200, 170, 252, 420), rect(x, y, 200, 150, 330, 202));
    const lensRing = ring(x, y, 330, 176, 58, 18);
    const lensGlint = disc(x, y, 348, 160, 14);
    color = mix(color, lens, Math.max(tube, lensRing) * 0.95);
    color = mix(color, glint, lensGlint);
    const i = (y * SIZE + x) * 4;
    pixels[i] = color[0];
    pixels[i + 1] = color[1];
    pixels[i + 2] = color[2];
    pixels[i + 3] = Math.round(base * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0 per row
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${png.length} bytes`);
