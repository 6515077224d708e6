// Modules import downwards only: no module reaches, directly or round about,
// back to one that imports it (type-only and lazy imports count too).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** file -> the project files it imports (`from '…'`, `import('…')`). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) =>
      normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))),
    );
    graph.set(file, deps);
  }
  return graph;
}

/** Every import path that leads back to where it started. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push([...path.slice(at), file]);
    if (done.has(file) || !graph.has(file)) return;
    for (const dep of graph.get(file)!) visit(dep, [...path, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('module layers', () => {
  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['cli.ts', ['orders/index.ts']],
      ['orders/index.ts', ['cli.ts']],
    ]);
    expect(cycles(graph)).toEqual([['cli.ts', 'orders/index.ts', 'cli.ts']]);
  });

  it('src has no import circles', () => {
    const found = cycles(importGraph(sourceFiles(SRC))).map((c) => c.map((f) => relative(SRC, f)).join(' -> '));
    expect(found).toEqual([]);
  });
});
