// Where `orderctl api PATH` may go: under the profile's API root and nowhere
// else, since every request carries the profile's credentials. A full URL is
// taken when it points under that root (a next-page link, say); `..` cannot
// climb out of it.

import { UsageError } from '../../core/errors.js';

const IS_URL = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/** PATH (with any query) as a path under baseUrl, or a usage error. */
export function underRoot(path: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const root = base.pathname.replace(/\/+$/, '');
  const inside = (url: URL) => url.origin === base.origin && (url.pathname === root || url.pathname.startsWith(`${root}/`));
  if (IS_URL.test(path)) {
    let url: URL | undefined;
    try {
      url = new URL(path);
    } catch {
      url = undefined;
    }
    if (!url || !inside(url)) {
      throw new UsageError(`"${path}" is a URL outside the profile's API root (${base.origin}${root}): give a path under it, e.g. /orders`, { hint: "the credentials go only to the profile's own API" });
    }
    return `${url.pathname.slice(root.length) || '/'}${url.search}`;
  }
  const rooted = path.startsWith('/') ? path : `/${path}`;
  // As the client builds the URL: the root's text, then the path (URL parsing resolves `..` and `%2e%2e`).
  if (!inside(new URL(`${base.origin}${root}${rooted}`))) {
    throw new UsageError(`"${path}" leads out of the profile's API root (${root || '/'}): give a path under it, e.g. /orders`, { hint: "the credentials go only to the profile's own API" });
  }
  return rooted;
}
