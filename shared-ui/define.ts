/**
 * Collision-free custom element names.
 *
 * Every plugin bundles its own copy of the kit, and one plugin may be loaded from two URLs, so
 * several builds of "vn-knob" can live on one page, possibly of different versions. A global
 * name would make the second `customElements.define` throw (or silently reuse the first
 * build's class). Each copy therefore suffixes its tags with a scope derived from the URL of
 * the module that holds this file: in a bundle that is the plugin's chunk, unique per plugin
 * and per URL. Two imports of the same URL are one module instance, hence one set of classes,
 * and `defineScoped` skips names already defined.
 */
import { hashTag } from '../shared-wam/scope.js';

/** Bumped when the kit's element contracts change; part of the scope, never random. */
export const KIT_SCOPE_SALT = 'varnish-ui/1';

/** The scope suffix for a module URL: FNV-1a (32 bit) of url + salt, base 36 (at most 7 characters). */
export function scopeFor(url: string, salt: string = KIT_SCOPE_SALT): string {
  return hashTag(`${url}|${salt}`);
}

/** This copy's scope. */
export const KIT_SCOPE: string = scopeFor(import.meta.url);

/** `${base}-${scope}`: the tag name this copy of the kit uses for `base`. */
export function scopedTag(base: string): string {
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(base)) throw new Error(`"${base}" is not a custom element base name`);
  return `${base}-${KIT_SCOPE}`;
}

/** Define `scopedTag(base)` as cls once; returns the tag. Safe to call repeatedly. */
export function defineScoped(base: string, cls: CustomElementConstructor): string {
  const tag = scopedTag(base);
  if (!customElements.get(tag)) customElements.define(tag, cls);
  return tag;
}
