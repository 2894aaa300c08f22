#!/usr/bin/env node
// After `tsc`: writes dist/build-id.txt, a hash of the built code and the shipped templates.
// Caches keyed on the tool (evaluations, run snapshots, export keys) use it, so an upgrade that
// keeps the same package version still recomputes everything it may have changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const hash = createHash('sha256');
for (const folder of ['dist', 'templates']) {
  const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.map') && entry.name !== 'build-id.txt')
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0');
}
writeFileSync(path.join(root, 'dist', 'build-id.txt'), `${hash.digest('hex')}\n`);
