// Types for the three undici modules src/core/http.ts imports from undici's
// lib/ folder instead of its index (see loadUndici there). The classes are
// undici's own; only the paths are new.

declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher } from 'undici';
  const DispatcherClass: typeof Dispatcher;
  export default DispatcherClass;
}

declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import type { EnvHttpProxyAgent } from 'undici';
  const EnvHttpProxyAgentClass: typeof EnvHttpProxyAgent;
  export default EnvHttpProxyAgentClass;
}

declare module 'undici/lib/api/index.js' {
  /** request, stream, pipeline, upgrade and connect: the methods undici's index puts on Dispatcher.prototype. */
  const api: Record<string, (...args: never[]) => unknown>;
  export default api;
}
