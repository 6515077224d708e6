import path from 'node:path';
import type { Context } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { parseDuration } from '../../core/time.js';
import { sandboxStatePath } from '../../platforms/index.js';

export async function statePathFor(ctx: Context, state?: string): Promise<string> {
  return state ? path.resolve(state) : sandboxStatePath((await ctx.config()).dir);
}

/** Where a running `sandbox serve` says it listens: beside the state file it serves. */
export async function announcePathFor(ctx: Context, state?: string): Promise<string> {
  return path.join(path.dirname(await statePathFor(ctx, state)), 'serve.json');
}

export function intFlag(value: unknown, flag: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const s = String(value);
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${s}"`);
  return Number(s);
}

export function rateFlag(value: unknown): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(String(value)) || n < 0 || n > 1) throw new UsageError(`--fail-rate must be a number from 0 to 1, not "${String(value)}"`);
  return n;
}

/** "150/30s" → 150 requests per 30 000 ms. */
export function parseRateLimit(value: string): { requests: number; windowMs: number } {
  const m = /^(\d+)\/(.+)$/.exec(value);
  if (!m || Number(m[1]) < 1) throw new UsageError(`invalid --rate-limit "${value}": use N/WINDOW, e.g. 150/30s`);
  return { requests: Number(m[1]), windowMs: parseDuration(m[2]!) };
}
