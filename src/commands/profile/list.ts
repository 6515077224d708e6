import type { Context } from '../../core/context.js';
import { listWriter } from '../../output/writer.js';
import { PROFILE_ROW_FIELDS } from '../../output/record-fields.js';
import type { View } from '../../output/view.js';
import { maskSecret } from './shared.js';

interface Row {
  name: string;
  current: boolean;
  platform: string;
  baseUrl: string | null;
  storeHash: string | null;
  token: string;
}

const view: View<Row> = {
  columns: [
    // Named as kubectl's contexts name it: a CSV header is never empty.
    { header: 'CURRENT', value: (r) => (r.current ? '*' : '') },
    { header: 'NAME', value: (r) => r.name },
    { header: 'PLATFORM', value: (r) => r.platform },
    { header: 'STORE', value: (r) => r.storeHash ?? r.baseUrl ?? '' },
    { header: 'TOKEN', value: (r) => r.token },
  ],
  json: (r) => r,
  id: (r) => r.name,
  fields: PROFILE_ROW_FIELDS,
};

export async function run(ctx: Context): Promise<void> {
  const data = (await ctx.config()).data();
  const out = listWriter(ctx, view);
  for (const [name, p] of Object.entries(data.profiles).sort(([a], [b]) => a.localeCompare(b))) {
    out.write({
      name,
      current: name === data.currentProfile,
      platform: p.platform,
      baseUrl: p.baseUrl ?? null,
      storeHash: p.storeHash ?? null,
      token: maskSecret(p.token),
    });
  }
  out.end();
}
