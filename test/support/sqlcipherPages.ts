import { createDecipheriv } from 'node:crypto';

/**
 * Decrypts the pages of an SQLCipher 4 file (or the page images in its WAL) with the raw data
 * key, so a test can look at what the encrypted file would reveal to someone holding the key:
 * proof that destroyed text is gone, not merely encrypted.
 */
const PAGE_SIZE = 4096;
const RESERVE = 80;
const IV_SIZE = 16;
const SALT_SIZE = 16;
const WAL_HEADER = 32;
const WAL_FRAME_HEADER = 24;

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? SALT_SIZE : 0;
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + IV_SIZE);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE_SIZE - RESERVE)), decipher.final()]);
}

export function decryptDatabase(file: Buffer, key: Buffer): Buffer {
  const pages: Buffer[] = [];
  for (let offset = 0; offset + PAGE_SIZE <= file.length; offset += PAGE_SIZE) {
    pages.push(decryptPage(file.subarray(offset, offset + PAGE_SIZE), key, offset === 0));
  }
  return Buffer.concat(pages);
}

export function decryptWal(wal: Buffer, key: Buffer): Buffer {
  const pages: Buffer[] = [];
  for (let offset = WAL_HEADER; offset + WAL_FRAME_HEADER + PAGE_SIZE <= wal.length; offset += WAL_FRAME_HEADER + PAGE_SIZE) {
    const pageNumber = wal.readUInt32BE(offset);
    const page = wal.subarray(offset + WAL_FRAME_HEADER, offset + WAL_FRAME_HEADER + PAGE_SIZE);
    pages.push(decryptPage(page, key, pageNumber === 1));
  }
  return Buffer.concat(pages);
}
