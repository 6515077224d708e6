// A count and rate on a terminal's stderr; nothing in logs, pipes or --quiet.
// While the rate limit or a Retry-After holds every request, the line says so
// and counts down, so a paused run does not look hung.

import type { Context } from '../core/context.js';
import type { Wait } from '../core/rate-limit.js';

export class Progress {
  private lastDraw = 0;
  private readonly started: number;
  private readonly enabled: boolean;
  private count = 0;
  private total: number | undefined;
  private wait: Wait | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private done = false;

  /** `shown` false: never drawn (the data goes to the same terminal, say). */
  constructor(
    private readonly ctx: Context,
    private readonly label: string,
    shown = true,
  ) {
    this.started = ctx.clock.now().getTime();
    this.enabled = shown && ctx.io.stderrIsTTY && !ctx.globals.quiet;
    if (this.enabled) ctx.onWait((w) => this.hold(w));
  }

  tick(count: number, total?: number): void {
    if (!this.enabled) return;
    this.count = count;
    this.total = total;
    const now = this.ctx.clock.now().getTime();
    if (now - this.lastDraw < 100 && count !== total) return;
    this.draw(now);
  }

  clear(): void {
    this.done = true;
    this.stopCountdown();
    if (this.enabled && this.lastDraw) this.ctx.io.stderr.write('\r\u001b[2K');
  }

  /** A hold began: say so now, and once a second until it ends. */
  private hold(w: Wait): void {
    if (this.done || (this.wait && this.wait.until >= w.until)) return;
    this.wait = w;
    this.draw(this.ctx.clock.now().getTime());
    // A display refresh, not a wait: nothing holds on this timer, and it never keeps the process alive.
    this.countdown ??= setInterval(() => this.draw(this.ctx.clock.now().getTime()), 1000);
    this.countdown.unref?.();
  }

  private draw(now: number): void {
    this.lastDraw = now || 1;
    const { count, total } = this;
    const rate = Math.round(count / Math.max(0.001, (now - this.started) / 1000));
    const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`;
    const bar = total ? ` [${'#'.repeat(Math.round((count / total) * 20)).padEnd(20, '.')}]` : '';
    const orders = (total ?? count) === 1 ? 'order' : 'orders';
    let line = `${this.label}${bar} ${count.toLocaleString('en-US')}${of} ${orders} (${rate.toLocaleString('en-US')}/s)`;
    if (this.wait && this.wait.until > now) line += `, waiting ${Math.ceil((this.wait.until - now) / 1000)} s for ${this.wait.why}`;
    else {
      this.wait = undefined;
      this.stopCountdown();
    }
    this.ctx.io.stderr.write(`\r\u001b[2K${line}`);
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = undefined;
  }
}
