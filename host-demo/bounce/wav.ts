/**
 * RIFF/WAVE writer, integer PCM 16 or 24 bit, little-endian, interleaved (the canonical 44-byte
 * header: Microsoft "Multimedia Programming Interface and Data Specifications 1.0", 1991).
 * 16 bit gets TPDF dither of ±1 LSB (two uniform variables summed; Lipshitz, Wannamaker and
 * Vanderkooy, "Quantization and Dither: A Theoretical Survey", JAES 1992); 24 bit is rounded.
 */
export function encodeWav(channels: Float32Array[], sampleRate: number, bits: 16 | 24, seed = 1): ArrayBuffer {
  const nch = channels.length;
  const frames = nch ? channels[0].length : 0;
  const bytes = bits / 8;
  const dataSize = frames * nch * bytes;
  const buf = new ArrayBuffer(44 + dataSize);
  const v = new DataView(buf);
  const tag = (o: number, s: string) => {
    for (let i = 0; i < 4; i++) v.setUint8(o + i, s.charCodeAt(i));
  };
  tag(0, 'RIFF');
  v.setUint32(4, 36 + dataSize, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, nch, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * nch * bytes, true);
  v.setUint16(32, nch * bytes, true);
  v.setUint16(34, bits, true);
  tag(36, 'data');
  v.setUint32(40, dataSize, true);

  const full = bits === 16 ? 32768 : 8388608;
  const max = full - 1;
  let s = seed >>> 0 || 1;
  const uniform = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  let o = 44;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < nch; c++) {
      let x = channels[c][f] * full;
      if (bits === 16) x += uniform() + uniform() - 1;
      let q = Math.round(x);
      if (q > max) q = max;
      else if (q < -full) q = -full;
      if (bits === 16) v.setInt16(o, q, true);
      else {
        v.setUint8(o, q & 0xff);
        v.setUint8(o + 1, (q >> 8) & 0xff);
        v.setUint8(o + 2, (q >> 16) & 0xff);
      }
      o += bytes;
    }
  }
  return buf;
}
