/**
 * Limiter kernel commands (Kernel.command, called by the processor shell when the GUI calls
 * host.command(name)): "resetLoudness" restarts the loudness measurement and nothing else;
 * unknown names change nothing.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../shared-dsp/core/run-kernel.js';
import { ParamBank } from '../../shared-dsp/params/param-bank.js';
import type { Kernel } from '../../shared-dsp/core/kernel.js';
import {
  LIMITER_METER_SIZE,
  LIM_METER_INTEGRATED,
  LIM_METER_LRA,
  LIM_METER_MAX_SHORT_TERM,
  LIM_METER_MOMENTARY,
  LIM_METER_TRUE_PEAK,
  METER_FLOOR_DB,
} from '../../shared-dsp/limiter/limiter-meters.js';
import { createKernel } from '../../plugins/limiter/dsp.js';
import { limiterParams as P } from '../../plugins/limiter/params.js';

const SR = 48000;
const sine = (n: number, f: number, a: number, from = 0) =>
  Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * (i + from)) / SR));

function setup() {
  const bank = new ParamBank(P.specs());
  bank.setNow(P.index('gain'), 6);
  const kernel = createKernel(bank);
  kernel.prepare(SR, 128, 2);
  return { bank, kernel };
}

/** 1 s of a 1 kHz sine at 0.5 starting at sample `from` */
const second = (from: number) => [sine(SR, 1000, 0.5, from), sine(SR, 1000, 0.5, from)];

describe('LimiterKernel.command', () => {
  it('"resetLoudness" (through the Kernel interface) clears integrated, LRA, maxima and true peak', () => {
    const { bank, kernel } = setup();
    renderOffline(kernel, bank, second(0));
    const m = new Float32Array(LIMITER_METER_SIZE);
    kernel.writeMeters(m);
    expect(m[LIM_METER_INTEGRATED]).toBeGreaterThan(-10);
    expect(m[LIM_METER_TRUE_PEAK]).toBeGreaterThan(-2);
    (kernel as Kernel).command?.('resetLoudness');
    kernel.writeMeters(m);
    expect(m[LIM_METER_INTEGRATED]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_MOMENTARY]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_MAX_SHORT_TERM]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_TRUE_PEAK]).toBe(METER_FLOOR_DB);
    expect(m[LIM_METER_LRA]).toBe(0);
    // the measurement restarts: 1 s later the integrated loudness is back (steady sine: same value)
    renderOffline(kernel, bank, second(SR));
    kernel.writeMeters(m);
    expect(m[LIM_METER_INTEGRATED]).toBeGreaterThan(-10);
  });

  it('the audio is not touched: output after the command equals a kernel that got none', () => {
    const a = setup();
    const b = setup();
    renderOffline(a.kernel, a.bank, second(0));
    renderOffline(b.kernel, b.bank, second(0));
    a.kernel.command('resetLoudness');
    const ya = renderOffline(a.kernel, a.bank, second(SR));
    const yb = renderOffline(b.kernel, b.bank, second(SR));
    expect(ya[0]).toEqual(yb[0]);
    expect(ya[1]).toEqual(yb[1]);
  });

  it('unknown names change nothing (the loudness history stays)', () => {
    const { bank, kernel } = setup();
    renderOffline(kernel, bank, second(0));
    const m = new Float32Array(LIMITER_METER_SIZE);
    kernel.writeMeters(m);
    const integrated = m[LIM_METER_INTEGRATED];
    const tp = m[LIM_METER_TRUE_PEAK];
    for (const name of ['reset', 'ResetLoudness', '', 'resetLoudness ']) kernel.command(name);
    kernel.writeMeters(m);
    expect(m[LIM_METER_INTEGRATED]).toBe(integrated);
    expect(m[LIM_METER_TRUE_PEAK]).toBe(tp);
  });
});
