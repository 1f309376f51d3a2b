/**
 * Varnish Compressor: the WebAudioModule a host imports (dist/plugins/compressor/index.js).
 * The node has two inputs: input 0 is the programme, input 1 the external sidechain (used when
 * the `sidechain` parameter is "external"; nothing connected there reads as silence).
 */
import descriptor from 'virtual:varnish-descriptor';
import { definePlugin } from '../../shared-wam/module.js';
import { compressorParams } from './params.js';

export default definePlugin({
  descriptor,
  params: compressorParams,
  indexUrl: import.meta.url,
  numberOfInputs: 2,
  loadGui: () => import('./gui.js'),
});
