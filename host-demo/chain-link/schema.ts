/**
 * What the chain-code functions (shared-wam/chain.ts, #8) need to know about a plugin, learnt
 * through the WAM 2 API: getParameterInfo() of a live instance becomes the ParamSet those
 * pure functions validate against. No plugin code is imported.
 */
import { ParamSet, type ParamDecl } from '../../shared-wam/params.js';
import type { PluginSchema } from '../../shared-wam/chain.js';
import type { WamParameterInfo } from '../wam/types.js';

export function schemaFromInfo(info: Record<string, WamParameterInfo>): PluginSchema {
  const decls: ParamDecl[] = Object.values(info).map((p) => ({
    id: p.id,
    label: p.label,
    type: p.type,
    min: p.minValue,
    max: p.maxValue,
    default: p.defaultValue,
    choices: p.choices?.length ? [...p.choices] : undefined,
    unit: p.units,
  }));
  return { params: new ParamSet(decls) };
}
