// Draws images/icon.png (128x128 RGBA): a white hexagon outline (a cluster) with a tick, on an Azure-blue rounded square.
// Generated rather than drawn so the icon is reviewable as code and needs no image tools or downloads.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZE = 128;
const BLUE = [0, 120, 212];
const WHITE = [255, 255, 255];

// Signed distances (negative inside) for the shapes, in pixels.
const roundedSquare = (x, y) => {
  const r = 24, h = SIZE / 2 - 4;
  const qx = Math.abs(x - SIZE / 2) - (h - r), qy = Math.abs(y - SIZE / 2) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const hexagon = (x, y, radius) => {
  // Pointy-top regular hexagon: the max over the three edge normals.
  const px = Math.abs(x - SIZE / 2), py = Math.abs(y - SIZE / 2);
  const k = Math.sqrt(3) / 2;
  return Math.max(px, px * 0.5 + py * k) - radius * k;
};
const segment = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
};
const coverage = (d) => Math.max(0, Math.min(1, 0.5 - d)); // one-pixel anti-aliasing

function pixel(x, y) {
  const bg = coverage(roundedSquare(x, y));
  const ring = coverage(Math.abs(hexagon(x, y, 40)) - 5);
  const tick = coverage(Math.min(segment(x, y, 46, 66, 58, 78), segment(x, y, 58, 78, 84, 50)) - 6);
  const fg = Math.max(ring, tick);
  const rgb = BLUE.map((c, i) => Math.round(c * (1 - fg) + WHITE[i] * fg));
  return [...rgb, Math.round(255 * Math.max(bg, fg * bg))];
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  raw[y * (1 + SIZE * 4)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x + 0.5, y + 0.5)).copy(raw, y * (1 + SIZE * 4) + 1 + x * 4);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
