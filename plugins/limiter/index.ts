/** Varnish Limiter: the WebAudioModule a host imports (dist/plugins/limiter/index.js). */
import descriptor from 'virtual:varnish-descriptor';
import { definePlugin } from '../../shared-wam/module.js';
import { limiterParams } from './params.js';

export default definePlugin({
  descriptor,
  params: limiterParams,
  indexUrl: import.meta.url,
  loadGui: () => import('./gui.js'),
});
