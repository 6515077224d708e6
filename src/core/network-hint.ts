// What a connection failure means and what to check, instead of a bare
// ECONNREFUSED. The proxy choice mirrors undici's EnvHttpProxyAgent, which
// sends the request (HTTPS_PROXY, falling back to HTTP_PROXY; NO_PROXY).

type Env = Record<string, string | undefined>;

/** The proxy a request to url goes through, as "host:port (from VAR)"; never its credentials. */
export function proxyFor(url: URL, env: Env): string | undefined {
  const http = firstSet(env, ['HTTP_PROXY', 'http_proxy']);
  const chosen = url.protocol === 'https:' ? (firstSet(env, ['HTTPS_PROXY', 'https_proxy']) ?? http) : http;
  if (!chosen || bypassed(url, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  let where = chosen.value;
  try {
    where = new URL(chosen.value).host;
  } catch {
    // Not a URL: undici refuses it too; show nothing of it but the variable's name.
    where = 'an unreadable address';
  }
  return `${where} (from ${chosen.name})`;
}

function firstSet(env: Env, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) if (env[name]) return { name, value: env[name]! };
  return undefined;
}

function bypassed(url: URL, noProxy: string): boolean {
  if (noProxy.trim() === '*') return true;
  const host = url.hostname.toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return noProxy
    .split(/[,\s]/)
    .filter(Boolean)
    .some((entry) => {
      const m = /^(.+):(\d+)$/.exec(entry);
      const name = (m ? m[1]! : entry).replace(/^\*?\./, '').toLowerCase();
      if (m && Number(m[2]) !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

/** A hint for a request that failed with code, or undefined when there is nothing useful to add. */
export function networkHint(code: string | undefined, url: URL, env: Env): string | undefined {
  const proxy = proxyFor(url, env);
  // Through a proxy, the connection that failed is most likely the one to the proxy.
  if (proxy && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')) {
    return `requests go through the proxy ${proxy}, which could not be reached (${code}): check the proxy settings, or add ${url.hostname} to NO_PROXY`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing accepted the connection at ${url.host}: check the profile's base URL and port, and that the server is running`;
    case 'ENOTFOUND':
      return `the host name ${url.hostname} does not exist: check the profile's base URL for a typo`;
    case 'EAI_AGAIN':
      return `the host name ${url.hostname} could not be looked up (DNS did not answer): check the network, then try again`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `there is no route to ${url.host}: check the network connection (and VPN)`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `the connection to ${url.host} was closed before an answer${proxy ? ` (through the proxy ${proxy})` : ''}: try again; if it keeps happening, check the base URL${proxy ? ' and the proxy settings' : ''}`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the TLS certificate of ${url.host} was not accepted (${code}): check the base URL; behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to its CA file`;
    default:
      return undefined;
  }
}
