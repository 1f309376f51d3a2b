// npm start: install if needed, build, serve dist/ and open the demo host.
import { spawn } from 'node:child_process';
import { ensureDeps, run } from './ensure.mjs';

ensureDeps();
run('npm run -s build');
const port = Number(process.env.PORT || 8080);
const { serve } = await import('./serve.mjs');
await serve({ port, host: process.env.HOST || '127.0.0.1' });
const url = `http://localhost:${port}/host-demo/`;
console.log(`\nVarnish demo host: ${url}\nPlugins for any WAM 2 host: http://localhost:${port}/plugins/<id>/index.js (list: /plugins/index.json)\nCtrl+C to stop.`);
if (!process.env.CI && process.env.VARNISH_NO_OPEN !== '1') {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
  try {
    spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {}
}
