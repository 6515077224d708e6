import type { Context } from '../../core/context.js';
import type { ConfigData } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { chosenProfileName } from '../../platforms/index.js';

export function maskSecret(secret: string | undefined): string {
  if (!secret) return '(none)';
  return secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}

export function requireProfile(data: ConfigData, name: string) {
  const p = data.profiles[name];
  if (!p) {
    const known = Object.keys(data.profiles);
    throw new UsageError(`profile "${name}" not found`, { hint: known.length ? `profiles: ${known.join(', ')}` : 'add one with "orderctl profile add"' });
  }
  return p;
}

/** The profile a command means when none is named: -p, ORDERCTL_PROFILE, then the current one. */
export function selectedProfileName(ctx: Context, data: ConfigData, explicit?: string): string {
  const name = explicit ?? chosenProfileName(ctx, data);
  if (!name) throw new UsageError('no profile selected', { hint: 'name one, or set the current profile with "orderctl profile use NAME"' });
  return name;
}
