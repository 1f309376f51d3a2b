/**
 * The decay picture: the tail's envelope per band (low 125 Hz, mid 1 kHz, high 8 kHz) in dB over
 * time, from the designed RT60 per band (decay-model.ts), starting at the predelay. The direct
 * sound is the mark at 0; the dashed line at -60 dB is where each band's line meets its RT60.
 * Redrawn when decay, damping, bassDecay, predelay or freeze change, only while on screen.
 */
import { LitElement, css } from 'lit';
import { html } from 'lit/static-html.js';
import { CanvasController, ParamWatchController, canvasPanel, tokens, type GraphContext, type ParamHost } from '../../../shared-ui/index.js';
import { decayPicture, envelopeDb, rtLabel, timeLabel, timeTicks, type DecayPicture } from './decay-model.js';

export const REVERB_DECAY_TAG = 'vn-reverb-decay';

/** the dB range drawn */
export const DB_TOP = 6;
export const DB_BOTTOM = -78;

const WATCHED = new Set(['decay', 'damping', 'bassDecay', 'predelay', 'freeze']);

/** band colours: low warm, mid the accent, high cool */
const LOW_COLOR = '#f0a35e';
const HIGH_COLOR = '#6cc8f0';

export class ReverbDecayView extends LitElement {
  static override properties = { host: { attribute: false } };

  static override styles = [
    tokens,
    canvasPanel,
    css`
      :host {
        min-height: 80px;
      }
    `,
  ];

  declare host: ParamHost | undefined;

  private readonly canvas = new CanvasController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    draw: (g) => this.paint(g),
  });

  private readonly watch = new ParamWatchController(
    this,
    WATCHED,
    () => {
      this.updateLabel();
      this.canvas.requestDraw();
    },
    () => this.updateLabel(),
  );

  /** the picture for the host's current values (public for tests) */
  picture(): DecayPicture | null {
    const h = this.host;
    if (!h) return null;
    return decayPicture({
      decay: h.getValue('decay'),
      damping: h.getValue('damping'),
      bassDecay: h.getValue('bassDecay'),
      predelayMs: h.getValue('predelay'),
      freeze: h.getValue('freeze') >= 0.5,
    });
  }

  protected override updated(): void {
    this.canvas.requestDraw();
  }

  private ariaText(): string {
    const p = this.picture();
    if (!p) return 'Decay per band';
    const b = p.bands;
    return `Decay per band: low ${rtLabel(b.low)}, mid ${rtLabel(b.mid)}, high ${rtLabel(b.high)}, predelay ${timeLabel(p.predelay)}`;
  }

  private updateLabel(): void {
    this.renderRoot?.querySelector('canvas')?.setAttribute('aria-label', this.ariaText());
  }

  protected override render() {
    return html`<canvas role="img" aria-label=${this.ariaText()}></canvas>`;
  }

  private paint(g: GraphContext): void {
    const p = this.picture();
    if (!p) return;
    const { ctx, width: w, height: h, colors } = g;
    const padL = 40;
    const padB = 16;
    const padT = 6;
    const pw = Math.max(10, w - padL - 8);
    const ph = Math.max(10, h - padT - padB);
    const X = (t: number) => padL + (t / p.span) * pw;
    const Y = (db: number) => padT + ((DB_TOP - Math.max(DB_BOTTOM, Math.min(DB_TOP, db))) / (DB_TOP - DB_BOTTOM)) * ph;
    const px = 1 / g.dpr;
    const snap = (v: number) => Math.round(v * g.dpr) / g.dpr + px / 2;

    // grid: dB every 12, time ticks
    ctx.save();
    ctx.lineWidth = px;
    ctx.strokeStyle = colors.line;
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    // a label on every grid line when there is room, else on every other one
    const labelStep = ph >= 150 ? 12 : 24;
    for (let db = 0; db >= DB_BOTTOM + 6; db -= 12) {
      ctx.globalAlpha = db === 0 ? 0.9 : 0.55;
      ctx.beginPath();
      ctx.moveTo(padL, snap(Y(db)));
      ctx.lineTo(w, snap(Y(db)));
      ctx.stroke();
      ctx.globalAlpha = 1;
      if (db % labelStep === 0) ctx.fillText(String(db), padL - 5, Y(db));
    }
    ctx.save();
    ctx.translate(9, padT + ph / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('dB', 0, 0);
    ctx.restore();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    for (const t of timeTicks(p.span)) {
      const x = snap(X(t));
      ctx.globalAlpha = 0.4;
      ctx.beginPath();
      ctx.moveTo(x, padT);
      ctx.lineTo(x, padT + ph);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillText(timeLabel(t), x, h - 2);
    }
    ctx.textAlign = 'left';
    ctx.fillText('0', padL + 2, h - 2);
    ctx.restore();

    // -60 dB: the RT60 line
    ctx.save();
    ctx.strokeStyle = colors.dim;
    ctx.globalAlpha = 0.7;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(padL, snap(Y(-60)));
    ctx.lineTo(w, snap(Y(-60)));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = colors.dim;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText('RT60', w - 6, Y(-60) - 2);
    ctx.restore();

    // direct sound at 0 and the predelay gap
    const x0 = X(0);
    const xp = X(p.predelay);
    ctx.save();
    ctx.strokeStyle = colors.text;
    ctx.globalAlpha = 0.75;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x0 + 1, Y(0));
    ctx.lineTo(x0 + 1, Y(DB_BOTTOM));
    ctx.stroke();
    if (p.predelay > 0) {
      ctx.globalAlpha = 0.08;
      ctx.fillStyle = colors.text;
      ctx.fillRect(x0 + 2, padT, xp - x0 - 2, ph);
      ctx.globalAlpha = 0.8;
      ctx.lineWidth = 1;
      ctx.strokeStyle = colors.dim;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      ctx.moveTo(snap(xp), padT);
      ctx.lineTo(snap(xp), padT + ph);
      ctx.stroke();
    }
    ctx.restore();

    // the bands: fill under the mid band, lines for all three
    const b = p.bands;
    const bands: Array<[string, number, string]> = [
      ['low', b.low, LOW_COLOR],
      ['high', b.high, HIGH_COLOR],
      ['mid', b.mid, colors.accent],
    ];
    const endOf = (rt: number) => (Number.isFinite(rt) ? Math.min(p.span, p.predelay + (rt * (0 - DB_BOTTOM)) / 60) : p.span);

    ctx.save();
    const midEnd = endOf(b.mid);
    const grad = ctx.createLinearGradient(0, Y(0), 0, Y(DB_BOTTOM));
    grad.addColorStop(0, colors.accent);
    grad.addColorStop(1, 'transparent');
    ctx.fillStyle = grad;
    ctx.globalAlpha = 0.28;
    ctx.beginPath();
    ctx.moveTo(xp, Y(DB_BOTTOM));
    ctx.lineTo(xp, Y(0));
    ctx.lineTo(X(midEnd), Y(envelopeDb(midEnd, p.predelay, b.mid)));
    ctx.lineTo(X(midEnd), Y(DB_BOTTOM));
    ctx.closePath();
    ctx.fill();
    ctx.restore();

    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const [name, rt, color] of bands) {
      const end = endOf(rt);
      ctx.strokeStyle = color;
      ctx.lineWidth = name === 'mid' ? 2.25 : 1.5;
      ctx.globalAlpha = name === 'mid' ? 1 : 0.9;
      ctx.beginPath();
      ctx.moveTo(xp, Y(0));
      ctx.lineTo(X(end), Y(envelopeDb(end, p.predelay, rt)));
      ctx.stroke();
      // where the band crosses -60 dB: its RT60
      if (Number.isFinite(rt) && p.predelay + rt <= p.span) {
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.arc(X(p.predelay + rt), Y(-60), 3, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.restore();

    // legend: band, frequency, RT60
    ctx.save();
    ctx.font = '10px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const rows: Array<[string, number, string]> = [
      [`low ${b.lowHz} Hz`, b.low, LOW_COLOR],
      [`mid ${b.midHz / 1000} kHz`, b.mid, colors.accent],
      [`high ${b.highHz / 1000} kHz`, b.high, HIGH_COLOR],
    ];
    const lw = 128;
    const lx = w - lw - 8;
    const ly = padT + 4;
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = colors.well;
    ctx.fillRect(lx - 4, ly - 2, lw + 6, rows.length * 15 + (p.frozen ? 15 : 4));
    ctx.globalAlpha = 1;
    rows.forEach(([label, rt, color], k) => {
      const y = ly + 7 + k * 15;
      ctx.fillStyle = color;
      ctx.fillRect(lx, y - 1, 12, 2.5);
      ctx.fillStyle = colors.dim;
      ctx.textAlign = 'left';
      ctx.fillText(label, lx + 18, y);
      ctx.fillStyle = colors.text;
      ctx.textAlign = 'right';
      ctx.fillText(rtLabel(rt), lx + lw, y);
    });
    if (p.frozen) {
      ctx.fillStyle = colors.accent;
      ctx.textAlign = 'left';
      ctx.fillText('frozen: the tail holds', lx, ly + 7 + rows.length * 15);
    }
    ctx.fillStyle = colors.dim;
    if (p.predelay > 0) {
      // the predelay, inside its gap when it fits, else just right of its marker
      const text = `predelay ${timeLabel(p.predelay)}`;
      const tw = ctx.measureText(text).width;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = xp - x0 > tw + 8 ? 'center' : 'left';
      ctx.fillText(text, xp - x0 > tw + 8 ? (x0 + xp) / 2 : xp + 4, padT + ph - 3);
    }
    ctx.restore();
  }
}
