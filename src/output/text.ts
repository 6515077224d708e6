// Server data is untrusted: before it reaches a terminal, control characters
// (ANSI escapes, carriage returns, bells) are made visible and harmless.

// C0 and C1 controls (ESC, CSI, BEL, CR…), and the bidi overrides and isolates
// that make a terminal show text in another order than it is (CVE-2021-42574).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One cell or line for a terminal: newlines as ↵, tabs as spaces, control characters as safeLines shows them. */
export function safeCell(text: string): string {
  return safeLines(text.replace(/\r?\n/g, '↵').replace(/\t/g, ' '));
}

/** Lines for a terminal: control characters shown escaped (\x1b, \u202e), newlines and tabs kept (jq's raw strings, @tsv). */
export function safeLines(text: string): string {
  return text.replace(CONTROL, (c) => (c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** JSON on one line, with the characters a terminal would act on (C1 controls, bidi overrides) escaped: still valid JSON. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function truncate(text: string, width: number): string {
  if (width < 2 || text.length <= width) return text;
  return `${text.slice(0, width - 1)}…`;
}

/** Times in tables: local on a terminal (unless --utc), ISO 8601 UTC everywhere else. */
export function tableTime(iso: string | null, local: boolean): string {
  if (!iso) return '';
  if (!local) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
