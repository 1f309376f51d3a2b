/** Varnish Imager: the WebAudioModule a host imports (dist/plugins/imager/index.js). */
import descriptor from 'virtual:varnish-descriptor';
import { definePlugin } from '../../shared-wam/module.js';
import { imagerParams } from './params.js';

export default definePlugin({
  descriptor,
  params: imagerParams,
  indexUrl: import.meta.url,
  loadGui: () => import('./gui.js'),
});
