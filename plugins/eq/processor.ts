/** Varnish EQ: AudioWorklet processor (dist/plugins/eq/processor.js), a shell over the kernel. */
import { processorNameFromUrl, registerVarnishProcessor } from '../../shared-wam/processor.js';
import { eqParams } from './params.js';
import { createKernel } from './dsp.js';

registerVarnishProcessor(processorNameFromUrl(import.meta.url), eqParams, createKernel);
