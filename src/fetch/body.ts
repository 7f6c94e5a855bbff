// Reads a response body with a hard size cap (also after decompression, so a small gzip bomb cannot get in).
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchFailure } from './errors.ts';

function decompressor(encoding: string | undefined) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

export async function readCappedBody(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const inflate = decompressor(encoding);
  const source: Readable = inflate ? body.pipe(inflate) : body;
  if (inflate) body.on('error', (err) => inflate.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new FetchFailure(`response larger than ${maxBytes} bytes`, url, 'too-large');
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (total > maxBytes) {
      body.destroy();
      inflate?.destroy();
    }
  }
  return Buffer.concat(chunks);
}
