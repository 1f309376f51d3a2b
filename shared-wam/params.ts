/**
 * Parameter declarations: written once per plugin, as data (after nih-plug's Params).
 * Everything else about a parameter is derived here: the WAM 2 parameter info, the
 * ParamBank specs of the processor, clamping, normalisation, and state validation.
 */
import type { ParamSpec } from '../shared-dsp/params/param-bank.js';

export type ParamType = 'float' | 'int' | 'boolean' | 'choice';

export interface ParamDecl {
  readonly id: string;
  readonly label: string;
  readonly type: ParamType;
  /** float/int: range; boolean and choice derive theirs (0..1, 0..choices-1) */
  readonly min?: number;
  readonly max?: number;
  /** for choice: the index of the default choice; boolean: 0 or 1 */
  readonly default: number;
  readonly choices?: readonly string[];
  readonly unit?: string;
  /** 'log' maps the control geometrically (frequencies, times); a number is a power-law exponent */
  readonly skew?: 'linear' | 'log' | number;
  /** smoothing ramp in ms for float parameters (default 20); discrete parameters jump */
  readonly smoothingMs?: number;
  /** digits shown after the decimal point */
  readonly decimals?: number;
  /** a short group name for GUIs (e.g. "Band 3") */
  readonly group?: string;
}

export interface ResolvedParam extends ParamDecl {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly index: number;
}

export interface WamParamInfoLike {
  id: string;
  label: string;
  type: ParamType;
  defaultValue: number;
  minValue: number;
  maxValue: number;
  discreteStep: number;
  exponent: number;
  choices: string[];
  units: string;
}

export class ParamSet {
  readonly list: readonly ResolvedParam[];
  private readonly byId = new Map<string, ResolvedParam>();

  constructor(decls: readonly ParamDecl[]) {
    this.list = decls.map((d, index) => resolve(d, index));
    for (const p of this.list) {
      if (this.byId.has(p.id)) throw new Error(`duplicate parameter id "${p.id}"`);
      this.byId.set(p.id, p);
    }
  }

  get(id: string): ResolvedParam {
    const p = this.byId.get(id);
    if (!p) throw new Error(`unknown parameter "${id}"`);
    return p;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  index(id: string): number {
    return this.get(id).index;
  }

  clamp(id: string, v: number): number {
    return clampTo(this.get(id), v);
  }

  defaults(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of this.list) out[p.id] = p.default;
    return out;
  }

  specs(): ParamSpec[] {
    return this.list.map((p) => ({
      min: p.min,
      max: p.max,
      default: p.default,
      smoothingMs: p.type === 'float' ? (p.smoothingMs ?? 20) : 0,
      log: p.type === 'float' && p.skew === 'log',
      discrete: p.type !== 'float',
    }));
  }

  wamInfo(): Record<string, WamParamInfoLike> {
    const out: Record<string, WamParamInfoLike> = {};
    for (const p of this.list) out[p.id] = wamInfoOf(p);
    return out;
  }
}

function resolve(d: ParamDecl, index: number): ResolvedParam {
  let min = d.min;
  let max = d.max;
  if (d.type === 'boolean') {
    min = 0;
    max = 1;
  } else if (d.type === 'choice') {
    if (!d.choices || d.choices.length < 2) throw new Error(`${d.id}: a choice needs at least two choices`);
    min = 0;
    max = d.choices.length - 1;
  }
  if (typeof min !== 'number' || typeof max !== 'number' || !(min < max)) throw new Error(`${d.id}: needs min < max`);
  if (!(d.default >= min && d.default <= max)) throw new Error(`${d.id}: default out of range`);
  if (d.type !== 'float' && (!Number.isInteger(min) || !Number.isInteger(max) || !Number.isInteger(d.default))) {
    throw new Error(`${d.id}: discrete parameters need integer range and default`);
  }
  if (d.skew === 'log' && min <= 0) throw new Error(`${d.id}: log skew needs min > 0`);
  return Object.freeze({ ...d, min, max, unit: d.unit ?? '', index });
}

export function clampTo(p: ResolvedParam, v: number): number {
  if (typeof v !== 'number' || v !== v) return p.default;
  if (p.type !== 'float') v = Math.round(v);
  return v < p.min ? p.min : v > p.max ? p.max : v;
}

/**
 * WAM normalises as n = ((v - min)/(max - min))^(1.5^-e). For a log skew, e is chosen so the
 * geometric mean of the range sits at n = 0.5, the middle of a log-scaled control.
 */
export function wamExponent(p: ResolvedParam): number {
  if (p.type !== 'float' || !p.skew || p.skew === 'linear') return 0;
  if (p.skew === 'log') {
    const mid = (Math.sqrt(p.min * p.max) - p.min) / (p.max - p.min);
    return Math.log(Math.log(mid) / Math.log(0.5)) / Math.log(1.5);
  }
  return Math.log(p.skew) / Math.log(1.5);
}

function wamInfoOf(p: ResolvedParam): WamParamInfoLike {
  return {
    id: p.id,
    label: p.label,
    type: p.type,
    defaultValue: p.default,
    minValue: p.min,
    maxValue: p.max,
    discreteStep: p.type === 'float' ? 0 : 1,
    exponent: wamExponent(p),
    choices: p.choices ? [...p.choices] : [],
    units: p.unit,
  };
}

/** 0..1 position of a value on its control (exact log mapping for log skew). */
export function toNormalized(p: ResolvedParam, v: number): number {
  v = clampTo(p, v);
  if (p.skew === 'log') return Math.log(v / p.min) / Math.log(p.max / p.min);
  const x = (v - p.min) / (p.max - p.min);
  return typeof p.skew === 'number' ? Math.pow(x, 1 / p.skew) : x;
}

export function fromNormalized(p: ResolvedParam, n: number): number {
  n = n < 0 ? 0 : n > 1 ? 1 : n;
  let v: number;
  if (p.skew === 'log') v = p.min * Math.pow(p.max / p.min, n);
  else v = p.min + (p.max - p.min) * (typeof p.skew === 'number' ? Math.pow(n, p.skew) : n);
  return clampTo(p, v);
}

/** WAM-normalised value (the `normalized: true` form of the API), with the derived exponent. */
export function wamNormalize(p: ResolvedParam, v: number): number {
  const e = wamExponent(p);
  const x = (clampTo(p, v) - p.min) / (p.max - p.min);
  return e === 0 ? x : Math.pow(x, Math.pow(1.5, -e));
}

export function wamDenormalize(p: ResolvedParam, n: number): number {
  const e = wamExponent(p);
  n = n < 0 ? 0 : n > 1 ? 1 : n;
  return clampTo(p, p.min + (p.max - p.min) * (e === 0 ? n : Math.pow(n, Math.pow(1.5, e))));
}

/** Text for a value: choice names, on/off, or the number with its unit. */
export function formatValue(p: ResolvedParam, v: number): string {
  if (p.type === 'choice') return p.choices![Math.round(v)] ?? '';
  if (p.type === 'boolean') return v >= 0.5 ? 'on' : 'off';
  let text: string;
  if (p.unit === 'Hz' && v >= 1000) text = `${(v / 1000).toFixed(v >= 10000 ? 1 : 2)} kHz`;
  else if (p.unit === 'ms' && v >= 1000) text = `${(v / 1000).toFixed(2)} s`;
  else text = `${v.toFixed(p.decimals ?? (p.type === 'int' ? 0 : 1))}${p.unit ? ` ${p.unit}` : ''}`;
  return text;
}

/** Parse typed text ("2.5k", "-3 dB", "bell") into a value; NaN when unreadable. */
export function parseValue(p: ResolvedParam, text: string): number {
  const t = text.trim().toLowerCase();
  if (p.type === 'choice') {
    const i = p.choices!.findIndex((c) => c.toLowerCase() === t);
    if (i >= 0) return i;
  }
  if (p.type === 'boolean') {
    if (t === 'on' || t === 'true') return 1;
    if (t === 'off' || t === 'false') return 0;
  }
  const m = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*(k|khz|s|ms|hz|db|%)?/.exec(t);
  if (!m) return NaN;
  let v = parseFloat(m[1]);
  const suffix = m[2];
  if (suffix === 'k' || suffix === 'khz') v *= 1000;
  else if (suffix === 's' && p.unit === 'ms') v *= 1000;
  return clampTo(p, v);
}
