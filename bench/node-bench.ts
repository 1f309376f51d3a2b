/**
 * Node throughput of every plugin kernel, as x realtime: stereo, 48 kHz, 128-frame blocks,
 * through runKernel exactly as the AudioWorklet shell drives it. A pass-through kernel is
 * measured in the same run as the baseline, so figures compare on this machine as it is now.
 */
import { runKernel } from '../shared-dsp/core/run-kernel.js';
import type { Kernel } from '../shared-dsp/core/kernel.js';
import { ParamBank } from '../shared-dsp/params/param-bank.js';
import type { ParamSet } from '../shared-wam/params.js';

export interface BenchCase {
  name: string;
  setup(bank: ParamBank, params: ParamSet): void;
  /**
   * What the timed runs feed: programme noise (the default), digital silence, or noise at
   * 1e-40 (every sample a float32 subnormal). For the last two the kernel first gets 1 s of
   * noise and then `settleSeconds` of the signal, so a tail has ended (or decayed as far as it
   * can) before the clock starts. Such cases run in Node only.
   */
  signal?: 'noise' | 'silence' | 'subnormal';
  settleSeconds?: number;
}

export interface NodeResult {
  plugin: string;
  case: string;
  medianX: number;
  minX: number;
  maxX: number;
  runs: number;
  vsPassThrough: number;
}

const SR = 48000;
const BLOCK = 128;
/** CPU seconds of warm-up before a case is timed */
const WARM_UP_CPU_S = 0.3;

function noise(frames: number, seed: number): Float32Array {
  const x = new Float32Array(frames);
  let s = seed;
  for (let i = 0; i < frames; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // pink-ish programme material: noise with a slow envelope, peaks near -6 dBFS
    x[i] = ((s / 4294967296) * 2 - 1) * 0.5 * (0.6 + 0.4 * Math.sin((2 * Math.PI * i) / SR / 0.8));
  }
  return x;
}

/** a stereo signal cut into BLOCK-frame views once: [block][channel] */
type Blocks = Float32Array[][];
function blocksOf(signal: Float32Array[]): Blocks {
  const blocks: Float32Array[][] = [];
  for (let o = 0; o + BLOCK <= signal[0].length; o += BLOCK) blocks.push(signal.map((x) => x.subarray(o, o + BLOCK)));
  return blocks;
}

/**
 * x realtime of one run over `seconds` of audio. Timed in process CPU time (user + system):
 * on a shared machine, wall-clock time also counts the time other processes hold the core.
 * The kernel reads each block where it lies, as the AudioWorklet shell passes the host's input
 * arrays (shared-wam/processor.ts readInput: clean channels are not copied); the views are made
 * before the clock starts. (Copying each block into fixed buffers cost 2-3 % of a reverb block,
 * and making the views in the loop as much again.)
 */
function timeRun(kernel: Kernel, bank: ParamBank, input: Blocks, seconds: number): number {
  const frames = Math.round(seconds * SR);
  const outBlk = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const count = input.length;
  const c0 = process.cpuUsage();
  let k = 0;
  for (let pos = 0; pos < frames; pos += BLOCK) {
    runKernel(kernel, bank, input[k], outBlk, 0, BLOCK);
    k = k + 1 === count ? 0 : k + 1;
  }
  const c = process.cpuUsage(c0);
  const dt = (c.user + c.system) / 1e6;
  return seconds / dt;
}

const passThrough: Kernel = {
  latency: 0,
  prepare() {},
  reset() {},
  process(inputs, outputs, start, end) {
    for (let c = 0; c < outputs.length; c++) {
      const x = inputs[c];
      const y = outputs[c];
      for (let i = start; i < end; i++) y[i] = x[i];
    }
  },
};

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

export function benchKernel(
  plugin: string,
  params: ParamSet,
  createKernel: (bank: ParamBank) => Kernel,
  cases: BenchCase[],
  { seconds = 20, runs = 31 } = {},
): NodeResult[] {
  const noiseSignal = [noise(SR * 2, 1), noise(SR * 2, 2)];
  const input = blocksOf(noiseSignal);
  const silence = blocksOf([new Float32Array(SR * 2), new Float32Array(SR * 2)]);
  const tiny = blocksOf(noiseSignal.map((x) => x.map((v) => v * 1e-40)));
  const baseBank = new ParamBank(params.specs());
  const baseXs = Array.from({ length: runs }, () => timeRun(passThrough, baseBank, input, seconds));
  const measured: { c: BenchCase; xs: number[] }[] = [];
  for (const c of cases) {
    const bank = new ParamBank(params.specs());
    bank.prepare(SR);
    const kernel = createKernel(bank);
    kernel.prepare(SR, BLOCK, 2);
    c.setup(bank, params);
    const signal = c.signal ?? 'noise';
    const caseInput = signal === 'noise' ? input : signal === 'silence' ? silence : tiny;
    if (signal !== 'noise') {
      timeRun(kernel, bank, input, 1);
      timeRun(kernel, bank, caseInput, c.settleSeconds ?? 60);
    }
    // warm-up: ramps settle and V8 finishes tiering up (a cold kernel runs at a fraction of its
    // speed for its first tens of milliseconds): at least WARM_UP_CPU_S of CPU time
    let warm = 0;
    for (let k = 0; k < 40 && warm < WARM_UP_CPU_S; k++) warm += 2 / timeRun(kernel, bank, caseInput, 2);
    // Each case runs alone (interleaved configurations would share V8's feedback, and a
    // baseline between runs would evict the kernel's memory from the caches), in enough runs to
    // span a few seconds: a shared VM has slow spells of up to a second or so, and the median
    // must not land in one.
    const xs: number[] = [];
    for (let r = 0; r < runs; r++) xs.push(timeRun(kernel, bank, caseInput, seconds));
    measured.push({ c, xs });
  }
  const base = stats(baseXs);
  const results: NodeResult[] = [];
  for (const { c, xs } of measured) {
    const st = stats(xs);
    results.push({ plugin, case: c.name, medianX: st.median, minX: st.min, maxX: st.max, runs, vsPassThrough: st.median / base.median });
  }
  return results;
}
