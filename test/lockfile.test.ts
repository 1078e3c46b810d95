// `npm ci` (the README's first command, and CI's) refuses a lock file that misses any optional dependency of a
// locked package, even one for another platform. The registry reachable here lacks some of them, so
// `npm install` on this machine drops their entries silently; this test catches that before CI does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface LockedPackage { version?: string; optionalDependencies?: Record<string, string> }

describe('package-lock.json', () => {
  it('has an entry for every optional dependency of a locked package (else `npm ci` fails)', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, LockedPackage>;
    };
    const missing: string[] = [];
    for (const [where, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        // npm resolves a dependency from the package's own node_modules up to the root.
        const parts = where.split('/node_modules/');
        const found = parts.some((_, i) => `${parts.slice(0, parts.length - i).join('/node_modules/')}/node_modules/${name}` in lock.packages)
          || `node_modules/${name}` in lock.packages;
        if (!found) missing.push(`${name} (of ${where || 'the project'})`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
