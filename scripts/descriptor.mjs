// Builds a plugin's WAM 2 descriptor from plugins/<id>/meta.json and package.json.
// All twelve has* flags are explicit: the SDK's defaults claim every capability.
import { readFileSync } from 'node:fs';

export function makeDescriptor(id, root) {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const meta = JSON.parse(readFileSync(new URL(`plugins/${id}/meta.json`, root), 'utf8'));
  return {
    identifier: `com.varnish.${id}`,
    name: meta.name,
    vendor: 'Varnish',
    version: pkg.version,
    apiVersion: '2.0.0-alpha.6',
    description: meta.description,
    keywords: meta.keywords,
    website: pkg.homepage ?? 'https://varnish.audio/',
    thumbnail: 'thumbnail.png',
    isInstrument: false,
    hasAudioInput: true,
    hasAudioOutput: true,
    hasMidiInput: false,
    hasMidiOutput: false,
    hasSysexInput: false,
    hasSysexOutput: false,
    hasOscInput: false,
    hasOscOutput: false,
    hasMpeInput: false,
    hasMpeOutput: false,
    hasAutomationInput: true,
    hasAutomationOutput: false,
  };
}
