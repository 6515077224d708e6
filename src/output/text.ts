// Server data is untrusted: before it reaches a terminal, control characters
// (ANSI escapes, carriage returns, bells) are made visible and harmless.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function safeCell(text: string): string {
  return text.replace(/\r?\n/g, '↵').replace(/\t/g, ' ').replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
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
