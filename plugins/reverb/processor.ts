/** Varnish Reverb: AudioWorklet processor (dist/plugins/reverb/processor.js), a shell over the kernel. */
import { processorNameFromUrl, registerVarnishProcessor } from '../../shared-wam/processor.js';
import { reverbParams } from './params.js';
import { createKernel } from './dsp.js';

registerVarnishProcessor(processorNameFromUrl(import.meta.url), reverbParams, createKernel);
