/** SHA-256 of a file, read as a stream: an evidence file of any size costs little memory. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The file's SHA-256 as 64 lowercase hex characters. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
