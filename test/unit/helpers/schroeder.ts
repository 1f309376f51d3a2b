/**
 * Reverberation time from an impulse response (ISO 3382-1:2009):
 * M. R. Schroeder, "New method of measuring reverberation time", JASA 37 (1965): the energy
 * decay curve is the backward integral of the squared impulse response,
 *     EDC(t) = sum_{tau >= t} h(tau)^2,
 * and T30 is the least-squares slope of EDC in dB between -5 and -35 dB, extrapolated to 60 dB.
 */

/**
 * EDC in dB relative to its start (0 dB at t = 0) of one response, or of several responses
 * averaged (ISO 3382-1, 5.3.4: several source/receiver positions averaged by adding their
 * squared responses; here the four paths L->L, L->R, R->L, R->R of a stereo reverb).
 */
export function energyDecayCurve(h: ArrayLike<number> | readonly ArrayLike<number>[]): Float64Array {
  const list = isList(h) ? h : [h];
  const n = list[0].length;
  const edc = new Float64Array(n);
  let acc = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (const x of list) acc += x[i] * x[i];
    edc[i] = acc;
  }
  const e0 = edc[0] > 0 ? edc[0] : 1;
  for (let i = 0; i < n; i++) edc[i] = 10 * Math.log10(edc[i] / e0 + 1e-300);
  return edc;
}

export interface DecayFit {
  /** RT60 in seconds from the fit */
  rt60: number;
  /** seconds where the fit range starts and ends */
  from: number;
  to: number;
  /** correlation coefficient of the fit (1 = a straight line) */
  r: number;
}

/**
 * RT60 from the EDC's straight-line fit between `hi` and `lo` dB (T30: -5 and -35).
 * Throws when the EDC does not reach `lo` (the response was rendered too short).
 */
export function reverbTime(h: ArrayLike<number> | readonly ArrayLike<number>[], fs: number, hi = -5, lo = -35): DecayFit {
  const edc = energyDecayCurve(h);
  let i0 = -1;
  let i1 = -1;
  for (let i = 0; i < edc.length; i++) {
    if (i0 < 0 && edc[i] <= hi) i0 = i;
    if (edc[i] <= lo) {
      i1 = i;
      break;
    }
  }
  if (i0 < 0 || i1 < 0) throw new Error(`EDC does not reach ${lo} dB`);
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  const n = i1 - i0 + 1;
  for (let i = i0; i <= i1; i++) {
    const x = i / fs;
    const y = edc[i];
    sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y;
  }
  const cxx = sxx - (sx * sx) / n;
  const cxy = sxy - (sx * sy) / n;
  const cyy = syy - (sy * sy) / n;
  const slope = cxy / cxx; // dB per second
  return { rt60: -60 / slope, from: i0 / fs, to: i1 / fs, r: -cxy / Math.sqrt(cxx * cyy) };
}

function isList(h: ArrayLike<number> | readonly ArrayLike<number>[]): h is readonly ArrayLike<number>[] {
  return h.length > 0 && typeof (h as ArrayLike<unknown>)[0] !== 'number';
}
