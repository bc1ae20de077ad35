/** Evidence files checked at report time: found and hashed, missing, or refused when they lead out of the folder. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvidenceFiles, checkFile } from '../../src/evidence/check.js';

/** A client folder with one evidence file, and a folder beside it with a file that is not evidence. */
function folders() {
  const base = mkdtempSync(join(tmpdir(), 'breachready-check-'));
  const folder = join(base, 'client');
  const outside = join(base, 'elsewhere');
  mkdirSync(join(folder, 'evidence'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(folder, 'evidence', 'policy.txt'), 'policy\n');
  writeFileSync(join(outside, 'secret.txt'), 'secret\n');
  return { folder, outside, root: realpathSync(folder) };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const LINKED_OUT = { status: 'refused', reason: "a symbolic link on its way leads out of the answers file's folder" };

describe('checkFile', () => {
  it('hashes a file in the folder (and a link that stays inside), with backslashes read as separators', async () => {
    const { folder, root } = folders();
    symlinkSync(join(folder, 'evidence', 'policy.txt'), join(folder, 'alias.txt'));
    for (const path of ['evidence/policy.txt', 'evidence\\policy.txt', './evidence/../evidence/policy.txt', 'alias.txt']) {
      expect(await checkFile(root, folder, path)).toEqual({ status: 'found', sha256: sha('policy\n') });
    }
  });

  it('hashes a file larger than a read chunk to the same SHA-256', async () => {
    const { folder, root } = folders();
    const big = 'x'.repeat(1024 * 1024 + 17);
    writeFileSync(join(folder, 'big.bin'), big);
    expect(await checkFile(root, folder, 'big.bin')).toEqual({ status: 'found', sha256: sha(big) });
  });

  it('a file that is not there is missing', async () => {
    const { folder, root } = folders();
    expect(await checkFile(root, folder, 'evidence/gone.txt')).toEqual({ status: 'missing' });
    expect(await checkFile(root, folder, 'nowhere/gone.txt')).toEqual({ status: 'missing' });
  });

  it('refuses a path out of the folder, absolute or climbing', async () => {
    const { folder, outside, root } = folders();
    const refused = { status: 'refused', reason: "it leads out of the answers file's folder" };
    expect(await checkFile(root, folder, '../elsewhere/secret.txt')).toEqual(refused);
    expect(await checkFile(root, folder, join(outside, 'secret.txt'))).toEqual(refused);
  });

  it('refuses a symbolic link out of the folder: the file itself, a folder on the way, or one that leads nowhere', async () => {
    const { folder, outside, root } = folders();
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'evidence', 'link.txt'));
    symlinkSync(outside, join(folder, 'evidence', 'dir'));
    symlinkSync(join(outside, 'nothing-here'), join(folder, 'evidence', 'dangling.txt'));
    expect(await checkFile(root, folder, 'evidence/link.txt')).toEqual(LINKED_OUT);
    expect(await checkFile(root, folder, 'evidence/dir/secret.txt')).toEqual(LINKED_OUT);
    expect(await checkFile(root, folder, 'evidence/dir/missing.txt')).toEqual(LINKED_OUT);
    expect(await checkFile(root, folder, 'evidence/dangling.txt')).toEqual(LINKED_OUT);
  });

  it('refuses what is not a regular file (a folder, a FIFO) without hanging', async () => {
    const { folder, root } = folders();
    expect(await checkFile(root, folder, 'evidence')).toEqual({ status: 'refused', reason: 'it is not a regular file' });
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    expect(await checkFile(root, folder, 'pipe')).toEqual({ status: 'refused', reason: 'it is not a regular file' });
  });
});

describe('checkEvidenceFiles', () => {
  it('checks only the items with a path, in the order given', async () => {
    const { folder } = folders();
    const items = [{ href: 'https://a.example' }, { path: 'evidence/policy.txt' }, { text: 'ticket SEC-1' }, { path: 'missing.txt' }];
    const checks = await checkEvidenceFiles(items, folder);
    expect([...checks.keys()]).toEqual([items[1], items[3]]);
    expect([...checks.values()]).toEqual([{ status: 'found', sha256: sha('policy\n') }, { status: 'missing' }]);
  });
});
