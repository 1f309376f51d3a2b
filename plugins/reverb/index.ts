/** Varnish Reverb: the WebAudioModule a host imports (dist/plugins/reverb/index.js). */
import descriptor from 'virtual:varnish-descriptor';
import { definePlugin } from '../../shared-wam/module.js';
import { reverbParams } from './params.js';

export default definePlugin({
  descriptor,
  params: reverbParams,
  indexUrl: import.meta.url,
  loadGui: () => import('./gui.js'),
});
