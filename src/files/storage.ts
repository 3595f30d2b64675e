import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isUuid } from '../lib/ids.ts';

/** Where attachment bytes live. Local directory by default; an S3-compatible store can implement the same. */
export interface FileStorage {
  /** write the stream under `key`; returns the number of bytes written */
  put(key: string, data: Readable): Promise<number>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
}

/** A directory outside the web root; keys are generated ids, never user-supplied names. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!isUuid(key)) throw new Error('invalid storage key');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, data: Readable): Promise<number> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await pipeline(data, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return (await stat(file)).size;
  }

  get(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
