/**
 * Loading plugins exactly as a third-party host does: initializeWamHost once per context, then
 * import(url) and createInstance(groupId, ctx, state). Nothing of a plugin is known in advance.
 */
import { initializeWamHost } from '@webaudiomodules/sdk';
import type { WamConstructor, WamInstance } from './types.js';

const groups = new WeakMap<BaseAudioContext, Promise<string>>();
const classes = new Map<string, Promise<WamConstructor>>();

/** The host's group id in this context (initializeWamHost is called once per context). */
export function hostGroup(ctx: BaseAudioContext): Promise<string> {
  let g = groups.get(ctx);
  if (!g) {
    g = initializeWamHost(ctx).then(([groupId]) => groupId);
    groups.set(ctx, g);
  }
  return g;
}

/** The module's default export, checked to be a WAM 2 constructor. */
export function loadWamClass(url: string): Promise<WamConstructor> {
  let c = classes.get(url);
  if (!c) {
    c = import(/* @vite-ignore */ url).then((mod) => {
      const WAM = mod?.default as WamConstructor | undefined;
      if (!WAM || typeof WAM.createInstance !== 'function' || WAM.isWebAudioModuleConstructor !== true) {
        throw new Error(`${url} does not export a WAM 2 plugin (no default WebAudioModule class)`);
      }
      return WAM;
    });
    c.catch(() => classes.delete(url));
    classes.set(url, c);
  }
  return c;
}

export async function createWam(url: string, ctx: BaseAudioContext, state?: unknown): Promise<WamInstance> {
  const [groupId, WAM] = await Promise.all([hostGroup(ctx), loadWamClass(url)]);
  const wam = await WAM.createInstance(groupId, ctx, state ?? undefined);
  if (!wam?.audioNode) throw new Error(`${url}: createInstance gave no audioNode`);
  return wam;
}
