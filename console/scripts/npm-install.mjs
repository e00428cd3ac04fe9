// Installs the console's npm packages with `npm ci` (exactly package-lock.json) when node_modules does not match
// the lock file: on the first build, and whenever package-lock.json changed since the last install.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
  console.log('console: node_modules matches package-lock.json');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
