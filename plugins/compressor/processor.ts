/** Varnish Compressor: AudioWorklet processor (dist/plugins/compressor/processor.js), a shell over the kernel. */
import { processorNameFromUrl, registerVarnishProcessor } from '../../shared-wam/processor.js';
import { compressorParams } from './params.js';
import { createKernel } from './dsp.js';

registerVarnishProcessor(processorNameFromUrl(import.meta.url), compressorParams, createKernel);
