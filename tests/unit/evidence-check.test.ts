/** Evidence files checked at report time: found and hashed, missing, or refused when they lead out of the folder. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContext, checkEvidenceFiles, checkFile as checkIn } from '../../src/evidence/check.js';

const checkFile = (folder: string, path: string) => checkIn(checkContext(folder), path);

/** A client folder with one evidence file, and a folder beside it with a file that is not evidence. */
function folders() {
  const base = mkdtempSync(join(tmpdir(), 'breachready-check-'));
  const folder = join(base, 'client');
  const outside = join(base, 'elsewhere');
  mkdirSync(join(folder, 'evidence'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(folder, 'evidence', 'policy.txt'), 'policy\n');
  writeFileSync(join(outside, 'secret.txt'), 'secret\n');
  return { folder, outside };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const LINKED_OUT = { status: 'refused', reason: "a symbolic link on its way leads out of the answers file's folder" };

describe('checkFile', () => {
  it('hashes a file in the folder (and a link that stays inside), with backslashes read as separators', () => {
    const { folder } = folders();
    symlinkSync(join(folder, 'evidence', 'policy.txt'), join(folder, 'alias.txt'));
    for (const path of ['evidence/policy.txt', 'evidence\\policy.txt', './evidence/../evidence/policy.txt', 'alias.txt']) {
      expect(checkFile(folder, path)).toEqual({ status: 'found', sha256: sha('policy\n') });
    }
  });

  it('hashes a file larger than a read chunk to the same SHA-256', () => {
    const { folder } = folders();
    const big = 'x'.repeat(1024 * 1024 + 17);
    writeFileSync(join(folder, 'big.bin'), big);
    expect(checkFile(folder, 'big.bin')).toEqual({ status: 'found', sha256: sha(big) });
  });

  it('a file that is not there is missing', () => {
    const { folder } = folders();
    expect(checkFile(folder, 'evidence/gone.txt')).toEqual({ status: 'missing' });
    expect(checkFile(folder, 'nowhere/gone.txt')).toEqual({ status: 'missing' });
  });

  it('refuses a path out of the folder, absolute or climbing', () => {
    const { folder, outside } = folders();
    const refused = { status: 'refused', reason: "it leads out of the answers file's folder" };
    expect(checkFile(folder, '../elsewhere/secret.txt')).toEqual(refused);
    expect(checkFile(folder, join(outside, 'secret.txt'))).toEqual(refused);
  });

  it('refuses a symbolic link out of the folder: the file itself, a folder on the way, or one that leads nowhere', () => {
    const { folder, outside } = folders();
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'evidence', 'link.txt'));
    symlinkSync(outside, join(folder, 'evidence', 'dir'));
    symlinkSync(join(outside, 'nothing-here'), join(folder, 'evidence', 'dangling.txt'));
    expect(checkFile(folder, 'evidence/link.txt')).toEqual(LINKED_OUT);
    expect(checkFile(folder, 'evidence/dir/secret.txt')).toEqual(LINKED_OUT);
    expect(checkFile(folder, 'evidence/dir/missing.txt')).toEqual(LINKED_OUT);
    expect(checkFile(folder, 'evidence/dangling.txt')).toEqual(LINKED_OUT);
  });

  it('refuses what is not a regular file (a folder, a FIFO) without hanging', () => {
    const { folder } = folders();
    expect(checkFile(folder, 'evidence')).toEqual({ status: 'refused', reason: 'it is not a regular file' });
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    expect(checkFile(folder, 'pipe')).toEqual({ status: 'refused', reason: 'it is not a regular file' });
  });
});

describe('checkEvidenceFiles', () => {
  it('checks only the items with a path, in the order given', () => {
    const { folder } = folders();
    const items = [{ href: 'https://a.example' }, { path: 'evidence/policy.txt' }, { text: 'ticket SEC-1' }, { path: 'missing.txt' }];
    const checks = checkEvidenceFiles(items, folder);
    expect([...checks.keys()]).toEqual([items[1], items[3]]);
    expect([...checks.values()]).toEqual([{ status: 'found', sha256: sha('policy\n') }, { status: 'missing' }]);
  });
});
