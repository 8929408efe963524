import { crc32, inflateSync } from 'node:zlib';

export interface PngFacts {
  width: number;
  height: number;
  colourType: number;
}

/**
 * Validates a PNG independently of the encoder: signature, every chunk CRC, IHDR first and IEND
 * last, and IDAT inflating to exactly the scanline bytes IHDR announces. Throws on any defect.
 */
export function checkPng(bytes: Buffer): PngFacts {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('bad PNG signature');
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if ((crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0) !== crc) throw new Error(`bad CRC in ${type}`);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  if (chunks[0]?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND') throw new Error('IHDR must come first and IEND last');
  const ihdr = chunks[0].data;
  const facts = { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), colourType: ihdr[9] };
  const bytesPerPixel = { 2: 3, 6: 4 }[facts.colourType as 2 | 6];
  if (ihdr[8] !== 8 || !bytesPerPixel) throw new Error('only 8-bit RGB/RGBA is expected here');
  const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  if (pixels.length !== facts.height * (1 + facts.width * bytesPerPixel)) throw new Error('IDAT size does not match IHDR');
  return facts;
}
