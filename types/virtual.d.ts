declare module 'virtual:varnish-descriptor' {
  import type { VarnishDescriptor } from '../shared-wam/module.js';
  const descriptor: VarnishDescriptor;
  export default descriptor;
}
