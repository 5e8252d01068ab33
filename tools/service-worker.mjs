// Trunk post-build hook (Trunk.toml): fills in the service worker's VERSION and ASSETS with
// the files of this build, so that each deploy gets its own cache. Node built-ins only.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through `trunk build`.');

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const worker = join(dir, 'sw.js');
const assets = files(dir)
  .filter((path) => path !== worker && !path.endsWith('.br') && !path.endsWith('.gz'))
  .map((path) => '/' + relative(dir, path).split(sep).join('/'))
  .sort();
const hash = createHash('sha256');
for (const asset of assets) {
  hash.update(asset);
  hash.update(readFileSync(join(dir, asset.slice(1))));
}
const version = hash.digest('hex').slice(0, 16);
const shell = [...assets.filter((a) => a !== '/index.html'), '/index.html'];
const source = readFileSync(worker, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(shell));
writeFileSync(worker, source);
console.log(`service worker ${version}: ${shell.length} files cached`);
