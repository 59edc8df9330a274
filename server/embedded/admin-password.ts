import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADMIN_PASSWORD_FILE = 'admin-password';

export interface AdminPassword {
  password: string;
  /** Where it is kept. */
  file: string;
  /** Generated at this start: the banner prints it, this once. */
  created: boolean;
}

/**
 * The embedded engine's server-admin password when none is given: generated at the first
 * start (32 random bytes, base64url), kept in `DATA_DIR/admin-password` readable by its owner
 * only, and read from there at every later start.
 */
export function embeddedAdminPassword(dataDir: string): AdminPassword {
  const file = join(dataDir, ADMIN_PASSWORD_FILE);
  try {
    const password = readFileSync(file, 'utf8').trim();
    if (!password) throw new Error(`${file} is empty: delete it to have a new password generated`);
    // Copied or restored with looser rights: the file is a secret, close it again.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return { password, file, created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(32).toString('base64url');
  // 'wx': two servers started at once on one folder cannot both write it.
  writeFileSync(file, password + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { password, file, created: true };
}
