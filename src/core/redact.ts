// Secrets never reach output, logs or error messages. Everything the debug
// trace prints goes through here.

const SECRET_HEADERS = new Set(['authorization', 'x-auth-token', 'proxy-authorization', 'cookie', 'set-cookie']);
export const REDACTED = '[redacted]';

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : v;
  return out;
}

/** Replaces every occurrence of each secret (and its URL-encoded form) in text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue; // too short to search for without mangling ordinary text
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** The forms a secret takes on the wire: itself, and Basic credentials in base64. */
export function secretForms(secret: string | undefined, username?: string): string[] {
  if (!secret) return [];
  const forms = [secret];
  if (username) forms.push(Buffer.from(`${username}:${secret}`).toString('base64'));
  return forms;
}
