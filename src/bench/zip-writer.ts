/**
 * A small streaming zip writer (deflate, Zip64 when the archive needs it) for generated corpora: members are
 * compressed one at a time and appended to the file; only the central directory (~60 bytes a member) is held in
 * memory. Used by the registry-scale bench and by tests that need a large archive of per-study files.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const U32 = 0xffffffff;
const FLUSH_BYTES = 4 << 20;

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private central: Buffer[] = [];
  private count = 0;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly level = 6,
    /** Write the Zip64 end records even when the archive does not need them (tests). */
    private readonly forceZip64 = false,
  ) {
    this.fd = openSync(path, 'w');
  }

  get members(): number {
    return this.count;
  }

  /** Bytes written so far (before the central directory). */
  get bytes(): number {
    return this.offset;
  }

  private write(b: Buffer): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.offset += b.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    let o = 0;
    while (o < all.length) o += writeSync(this.fd, all, o);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Append one member (deflated unless `store`). */
  add(name: string, content: string | Uint8Array, store = false): void {
    if (this.closed) throw new Error('zip writer is closed');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const comp = store ? data : deflateRawSync(data, { level: this.level });
    const method = store ? 0 : 8;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const at = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    this.write(local);
    this.write(nameBuf);
    this.write(comp);
    const big = at >= U32;
    const extra = big ? Buffer.alloc(12) : Buffer.alloc(0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(at), 4);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(big ? 45 : 20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(big ? U32 : at, 42);
    this.central.push(c, nameBuf, extra);
    this.count++;
  }

  /** Write the central directory (Zip64 records when needed) and close the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const cdStart = this.offset;
    for (const b of this.central) this.write(b);
    this.central = [];
    const cdSize = this.offset - cdStart;
    const zip64 = this.forceZip64 || this.count >= 0xffff || cdStart >= U32 || cdSize >= U32;
    if (zip64) {
      const at = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(44n, 4);
      rec.writeUInt16LE(45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeBigUInt64LE(BigInt(this.count), 24);
      rec.writeBigUInt64LE(BigInt(this.count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(at), 8);
      loc.writeUInt32LE(1, 16);
      this.write(rec);
      this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 8);
    end.writeUInt16LE(zip64 ? 0xffff : this.count, 10);
    end.writeUInt32LE(zip64 ? U32 : cdSize, 12);
    end.writeUInt32LE(zip64 ? U32 : cdStart, 16);
    this.write(end);
    this.flush();
    closeSync(this.fd);
  }
}
