/** Varnish Limiter: AudioWorklet processor (dist/plugins/limiter/processor.js), a shell over the kernel. */
import { processorNameFromUrl, registerVarnishProcessor } from '../../shared-wam/processor.js';
import { limiterParams } from './params.js';
import { createKernel } from './dsp.js';

registerVarnishProcessor(processorNameFromUrl(import.meta.url), limiterParams, createKernel);
