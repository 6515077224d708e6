// A count and rate on a terminal's stderr; nothing in logs, pipes or --quiet.

import type { Context } from '../core/context.js';

export class Progress {
  private lastDraw = 0;
  private readonly started: number;
  private readonly enabled: boolean;

  constructor(
    private readonly ctx: Context,
    private readonly label: string,
  ) {
    this.started = ctx.clock.now().getTime();
    this.enabled = ctx.io.stderrIsTTY && !ctx.globals.quiet;
  }

  tick(count: number, total?: number): void {
    if (!this.enabled) return;
    const now = this.ctx.clock.now().getTime();
    if (now - this.lastDraw < 100 && count !== total) return;
    this.lastDraw = now;
    const rate = Math.round(count / Math.max(0.001, (now - this.started) / 1000));
    const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`;
    const bar = total ? ` [${'#'.repeat(Math.round((count / total) * 20)).padEnd(20, '.')}]` : '';
    this.ctx.io.stderr.write(`\r\u001b[2K${this.label}${bar} ${count.toLocaleString('en-US')}${of} orders (${rate.toLocaleString('en-US')}/s)`);
  }

  clear(): void {
    if (this.enabled && this.lastDraw) this.ctx.io.stderr.write('\r\u001b[2K');
  }
}
