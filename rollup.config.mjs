// Builds every plugin into a self-contained folder dist/plugins/<id>/ that any WAM 2 host can
// load by URL, the shared-dsp library, the demo host and the browser-test fixtures.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { makeDescriptor } from './scripts/descriptor.mjs';

const root = new URL('./', import.meta.url);
const rootDir = fileURLToPath(root);
const minify = process.env.VARNISH_MINIFY !== '0';

// A plugin folder is built once it has all its parts.
const PARTS = ['index.ts', 'processor.ts', 'params.ts', 'dsp.ts', 'gui.ts', 'meta.json'];
const pluginIds = readdirSync(join(rootDir, 'plugins'))
  .filter((id) => PARTS.every((f) => existsSync(join(rootDir, 'plugins', id, f))))
  .sort();

const ts = () => esbuild({ target: 'es2022', minify, sourceMap: false, tsconfig: 'tsconfig.json' });

/** `virtual:varnish-descriptor` gives each plugin its own descriptor; it is also written to disk. */
function descriptorPlugin(id) {
  const descriptor = makeDescriptor(id, root);
  return {
    name: 'varnish-descriptor',
    resolveId: (source) => (source === 'virtual:varnish-descriptor' ? '\0varnish-descriptor' : null),
    load: (vid) => (vid === '\0varnish-descriptor' ? `export default ${JSON.stringify(descriptor)};` : null),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'descriptor.json', source: JSON.stringify(descriptor, null, 2) + '\n' });
      const dir = join(rootDir, 'plugins', id);
      const thumb = join(dir, 'thumbnail.png');
      if (existsSync(thumb)) this.emitFile({ type: 'asset', fileName: 'thumbnail.png', source: readFileSync(thumb) });
      const presetsDir = join(dir, 'presets');
      if (existsSync(presetsDir)) {
        const files = readdirSync(presetsDir).filter((f) => f.endsWith('.json')).sort();
        for (const f of files) this.emitFile({ type: 'asset', fileName: `presets/${f}`, source: readFileSync(join(presetsDir, f)) });
        this.emitFile({ type: 'asset', fileName: 'presets/index.json', source: JSON.stringify(files, null, 2) + '\n' });
      }
    },
  };
}

/** dist/plugins/index.json lists the plugins for hosts. */
function pluginIndex() {
  return {
    name: 'varnish-plugin-index',
    writeBundle() {
      const list = pluginIds.map((id) => {
        const d = makeDescriptor(id, root);
        return { id, identifier: d.identifier, name: d.name, description: d.description, url: `./${id}/index.js`, descriptor: `./${id}/descriptor.json` };
      });
      mkdirSync(join(rootDir, 'dist/plugins'), { recursive: true });
      writeFileSync(join(rootDir, 'dist/plugins/index.json'), JSON.stringify({ vendor: 'Varnish', plugins: list }, null, 2) + '\n');
    },
  };
}

/** Copy static html next to a built page. */
function copyHtml(files) {
  return {
    name: 'varnish-copy-html',
    generateBundle() {
      for (const [from, to] of files) this.emitFile({ type: 'asset', fileName: to, source: readFileSync(join(rootDir, from)) });
    },
  };
}

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};

const configs = [];

for (const id of pluginIds) {
  configs.push({
    input: { index: `plugins/${id}/index.ts` },
    output: { dir: `dist/plugins/${id}`, format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    plugins: [descriptorPlugin(id), nodeResolve({ browser: true }), ts()],
    onwarn,
  });
  configs.push({
    input: `plugins/${id}/processor.ts`,
    output: { file: `dist/plugins/${id}/processor.js`, format: 'es', inlineDynamicImports: true },
    plugins: [nodeResolve(), ts()],
    onwarn,
  });
}
configs[0].plugins.push(pluginIndex());

configs.push({
  input: 'shared-dsp/index.ts',
  output: { file: 'dist/shared-dsp/index.js', format: 'es' },
  plugins: [esbuild({ target: 'es2022', minify: false })],
  onwarn,
});

if (existsSync(join(rootDir, 'host-demo/main.ts'))) {
  configs.push({
    input: { main: 'host-demo/main.ts' },
    output: { dir: 'dist/host-demo', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    plugins: [nodeResolve({ browser: true }), ts(), copyHtml([['host-demo/index.html', 'index.html']])],
    onwarn,
  });
  // the host's own AudioWorklet (meters, loudness, level-matched bypass): one self-contained file
  configs.push({
    input: 'host-demo/worklet/tap-processor.ts',
    output: { file: 'dist/host-demo/tap-processor.js', format: 'es', inlineDynamicImports: true },
    plugins: [nodeResolve(), ts()],
    onwarn,
  });
}

const fixtureDir = join(rootDir, 'test/browser/fixtures');
if (existsSync(fixtureDir)) {
  const entries = readdirSync(fixtureDir).filter((f) => f.endsWith('.ts'));
  const html = readdirSync(fixtureDir).filter((f) => f.endsWith('.html'));
  if (entries.length) {
    configs.push({
      input: Object.fromEntries(entries.map((f) => [f.replace(/\.ts$/, ''), `test/browser/fixtures/${f}`])),
      output: { dir: 'dist/test-fixtures', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      plugins: [nodeResolve({ browser: true }), ts(), copyHtml(html.map((f) => [`test/browser/fixtures/${f}`, f]))],
      onwarn,
    });
  }
  // a third-party WAM 2 plugin written by hand in plain JS (no Varnish code, no SDK), copied as is
  const thirdParty = join(fixtureDir, 'third-party');
  if (entries.length && existsSync(thirdParty)) {
    const files = readdirSync(thirdParty).filter((f) => /\.(js|json)$/.test(f));
    configs[configs.length - 1].plugins.push(copyHtml(files.map((f) => [`test/browser/fixtures/third-party/${f}`, `third-party/${f}`])));
  }
}

export default configs;
