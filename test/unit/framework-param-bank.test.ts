import { describe, expect, it } from 'vitest';
import { CONTROL_FRAMES, ParamBank } from '../../shared-dsp/params/param-bank.js';
import { runKernel } from '../../shared-dsp/core/run-kernel.js';
import type { Kernel } from '../../shared-dsp/core/kernel.js';

const specs = [
  { min: -24, max: 24, default: 0, smoothingMs: 10, log: false, discrete: false },
  { min: 20, max: 20000, default: 1000, smoothingMs: 10, log: true, discrete: false },
  { min: 0, max: 3, default: 1, smoothingMs: 0, log: false, discrete: true },
];

describe('ParamBank', () => {
  it('ramps linearly and lands exactly on the target', () => {
    const b = new ParamBank(specs);
    b.prepare(1000); // 10 ms = 10 frames
    b.setTarget(0, 10);
    expect(b.active).toBe(true);
    expect(b.valueAfter(0, 5)).toBeCloseTo(5, 12);
    b.advance(3);
    expect(b.value[0]).toBeCloseTo(3, 12);
    b.advance(7);
    expect(b.value[0]).toBe(10);
    expect(b.active).toBe(false);
  });

  it('ramps log parameters evenly in octaves', () => {
    const b = new ParamBank(specs);
    b.prepare(1000);
    b.setTarget(1, 4000);
    b.advance(5);
    expect(b.value[1]).toBeCloseTo(2000, 6);
    b.advance(5);
    expect(b.value[1]).toBe(4000);
  });

  it('discrete parameters jump, clamp and round; serials count changes', () => {
    const b = new ParamBank(specs);
    const s = b.serial[2];
    b.setTarget(2, 2.6);
    expect(b.value[2]).toBe(3);
    expect(b.serial[2]).toBe(s + 1);
    b.setTarget(2, 99);
    expect(b.value[2]).toBe(3);
    expect(b.serial[2]).toBe(s + 1);
    b.setNow(0, NaN);
    expect(b.value[0]).toBe(0);
  });

  it('runKernel cuts slices into control chunks only while ramps move', () => {
    const b = new ParamBank(specs);
    b.prepare(48000);
    const sizes: number[] = [];
    const k: Kernel = { latency: 0, prepare() {}, reset() {}, process(_i, _o, s, e) { sizes.push(e - s); } };
    const buf = [new Float32Array(128)];
    runKernel(k, b, buf, buf, 0, 128);
    expect(sizes).toEqual([128]);
    sizes.length = 0;
    b.setTarget(0, 6); // 480 frames of ramp
    runKernel(k, b, buf, buf, 0, 128);
    expect(sizes).toEqual([CONTROL_FRAMES, CONTROL_FRAMES, CONTROL_FRAMES, CONTROL_FRAMES]);
    expect(b.value[0]).toBeCloseTo((6 * 128) / 480, 10);
  });
});
