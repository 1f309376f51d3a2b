/** Varnish EQ: the WebAudioModule a host imports (dist/plugins/eq/index.js). */
import descriptor from 'virtual:varnish-descriptor';
import { definePlugin } from '../../shared-wam/module.js';
import { eqParams } from './params.js';

export default definePlugin({
  descriptor,
  params: eqParams,
  indexUrl: import.meta.url,
  loadGui: () => import('./gui.js'),
});
