import { crc32, deflateSync } from 'node:zlib';

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Encodes RGBA pixels as a PNG (colour type 6, 8 bits, no interlace). Generated in code rather
 * than embedded so the image content stays readable and any size is possible.
 */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const stride = width * 4 + 1; // each scanline starts with its filter byte (0 = none)
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * stride + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** A periscope lens: a teal ring on a transparent background. */
function lensPixel(size: number) {
  const centre = (size - 1) / 2;
  return (x: number, y: number): [number, number, number, number] => {
    const distance = Math.hypot(x - centre, y - centre);
    if (distance <= size * 0.2) return [240, 248, 255, 255];
    if (distance <= size * 0.45) return [0, 128, 128, 255];
    return [0, 0, 0, 0];
  };
}

let cachedLogo: Buffer | undefined;

/** The 32×32 logo served as playground://logo.png and by the image tool. */
export function playgroundLogoPng(): Buffer {
  cachedLogo ??= encodePng(32, 32, lensPixel(32));
  return cachedLogo;
}
