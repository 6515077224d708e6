// Loads the CLI bundle (dist/orderctl.cjs) with V8's code cache beside it
// (dist/orderctl.cjs.cache, made by `npm run build`). V8 then reads the bytecode
// of the code a command runs instead of parsing and compiling it, on every start:
// about 40 ms of an `orders get`. (Node 22's module.enableCompileCache() does this
// for the files it loads; Node 20 has no such API.) A cache that does not match
// this Node, or this bundle, is refused by V8, and the bundle compiles as usual.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export const BUNDLE = fileURLToPath(new URL('../dist/orderctl.cjs', import.meta.url));
export const CACHE = `${BUNDLE}.cache`;

/** @returns {{ cli: { main(argv: string[]): Promise<number> }, cache: 'used' | 'rejected' | 'none', createCachedData: () => Buffer }} */
export function loadCli({ useCache = true } = {}) {
  // undici parses responses with llhttp in WebAssembly. After a few responses V8
  // starts optimizing the parser on a background thread, and the process cannot
  // exit until that compile is done: 150-250 ms added to an `orders get` whose
  // requests take 20. Baseline (Liftoff) code parses fast enough for every
  // command (a 10,000-order listing is no slower), so it stays unoptimized.
  // Set before the bundle loads: V8 accepts a code cache only under the flags it was made with.
  v8.setFlagsFromString('--no-wasm-tier-up');
  v8.setFlagsFromString('--no-wasm-dynamic-tiering');
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = fs.readFileSync(CACHE);
    } catch {
      // no cache (a build without one): compile as usual
    }
  }
  // Node's own CommonJS wrapper, on the first line so line numbers stay as they are.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { cli: module.exports, cache, createCachedData: () => script.createCachedData() };
}
