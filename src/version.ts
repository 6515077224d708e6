// Kept equal to package.json's version by test/unit/version.test.ts.
export const VERSION = '0.1.0';

/** What `orderctl --version` prints (bin/orderctl.js answers it without loading the CLI). */
export function versionLine(): string {
  return `orderctl ${VERSION} (node ${process.version})`;
}
