/** Varnish Imager: AudioWorklet processor (dist/plugins/imager/processor.js), a shell over the kernel. */
import { processorNameFromUrl, registerVarnishProcessor } from '../../shared-wam/processor.js';
import { imagerParams } from './params.js';
import { createKernel } from './dsp.js';

registerVarnishProcessor(processorNameFromUrl(import.meta.url), imagerParams, createKernel);
