/**
 * Minimal RIFF/WAVE reader for tests: PCM 8/16/24/32-bit integer and 32/64-bit IEEE float,
 * WAVE_FORMAT_EXTENSIBLE included. Returns de-interleaved Float32 channels scaled to [-1, 1)
 * (integer PCM divided by 2^(bits-1); 8-bit is unsigned with offset 128).
 */
import { readFileSync } from 'node:fs';

export interface WavData {
  sampleRate: number;
  bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float */
  format: 1 | 3;
  channels: Float32Array[];
  frames: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export function readWavFile(path: string): WavData {
  const buf = readFileSync(path);
  return parseWav(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

export function parseWav(bytes: Uint8Array): WavData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');

  let fmt: { format: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined;
  let dataOffset = -1;
  let dataSize = 0;
  let o = 12;
  while (o + 8 <= bytes.length) {
    const id = tag(o);
    const size = view.getUint32(o + 4, true);
    const body = o + 8;
    if (id === 'fmt ') {
      let format = view.getUint16(body, true);
      const bits = view.getUint16(body + 14, true);
      if (format === WAVE_FORMAT_EXTENSIBLE && size >= 40) {
        format = view.getUint16(body + 24, true); // first two bytes of the SubFormat GUID
      }
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        blockAlign: view.getUint16(body + 12, true),
        bits,
      };
    } else if (id === 'data') {
      dataOffset = body;
      dataSize = Math.min(size, bytes.length - body); // tolerate a truncated or streaming size
    }
    o = body + size + (size & 1); // chunks are word-aligned
  }
  if (!fmt) throw new Error('WAV: no fmt chunk');
  if (dataOffset < 0) throw new Error('WAV: no data chunk');

  const { format, channels: nch, sampleRate, blockAlign, bits } = fmt;
  const bytesPer = bits / 8;
  const supported =
    (format === WAVE_FORMAT_PCM && (bits === 8 || bits === 16 || bits === 24 || bits === 32)) ||
    (format === WAVE_FORMAT_IEEE_FLOAT && (bits === 32 || bits === 64));
  if (!supported) throw new Error(`WAV: unsupported format ${format} with ${bits} bits`);
  if (nch < 1 || blockAlign !== nch * bytesPer) throw new Error('WAV: inconsistent fmt chunk');

  const frames = Math.floor(dataSize / blockAlign);
  const channels: Float32Array[] = [];
  for (let c = 0; c < nch; c++) channels.push(new Float32Array(frames));

  const read = sampleReader(view, format, bits);
  for (let f = 0; f < frames; f++) {
    const base = dataOffset + f * blockAlign;
    for (let c = 0; c < nch; c++) channels[c][f] = read(base + c * bytesPer);
  }
  return { sampleRate, bitsPerSample: bits, format: format as 1 | 3, channels, frames };
}

function sampleReader(view: DataView, format: number, bits: number): (offset: number) => number {
  if (format === WAVE_FORMAT_IEEE_FLOAT) {
    return bits === 32 ? (o) => view.getFloat32(o, true) : (o) => view.getFloat64(o, true);
  }
  switch (bits) {
    case 8:
      return (o) => (view.getUint8(o) - 128) / 128;
    case 16:
      return (o) => view.getInt16(o, true) / 32768;
    case 24:
      return (o) => {
        const v = view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16);
        return v / 8388608;
      };
    default:
      return (o) => view.getInt32(o, true) / 2147483648;
  }
}
