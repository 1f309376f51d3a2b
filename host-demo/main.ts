/**
 * Varnish demo host: loads plugins by URL through the WAM 2 API only, exactly as a third-party
 * host does (initializeWamHost, import(url), createInstance, audioNode, createGui).
 */
import { initializeWamHost } from '@webaudiomodules/sdk';
import { renderDemoSong } from './demo-song.js';

interface Insert {
  name: string;
  wam: any;
  bypassed: boolean;
  panel?: HTMLElement;
  gui?: Element;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ctx = new AudioContext({ latencyHint: 'playback' });
const inserts: Insert[] = [];
const input = new GainNode(ctx);
const output = new GainNode(ctx);
const analyser = new AnalyserNode(ctx, { fftSize: 2048 });
output.connect(analyser);
output.connect(ctx.destination);
let source: AudioBufferSourceNode | null = null;
let song: AudioBuffer | null = null;
let groupId = '';

function rewire() {
  input.disconnect();
  for (const ins of inserts) ins.wam.audioNode.disconnect();
  let prev: AudioNode = input;
  for (const ins of inserts) {
    if (ins.bypassed) continue;
    prev.connect(ins.wam.audioNode);
    prev = ins.wam.audioNode;
  }
  prev.connect(output);
}

async function addInsert(url: string, name: string) {
  const { default: WAM } = await import(/* @vite-ignore */ url);
  if (!WAM?.isWebAudioModuleConstructor) throw new Error(`${url} is not a WAM 2 plugin`);
  const wam = await WAM.createInstance(groupId, ctx);
  const ins: Insert = { name, wam, bypassed: false };
  inserts.push(ins);
  rewire();
  renderChain();
  await openGui(ins);
}

async function openGui(ins: Insert) {
  if (ins.panel) return;
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.innerHTML = `<div class="title"></div><div class="body"></div>`;
  panel.querySelector('.title')!.textContent = ins.name;
  $('panels').appendChild(panel);
  const gui = await ins.wam.createGui();
  panel.querySelector('.body')!.appendChild(gui);
  ins.panel = panel;
  ins.gui = gui;
}

function closeGui(ins: Insert) {
  if (ins.gui) ins.wam.destroyGui(ins.gui);
  ins.panel?.remove();
  ins.panel = ins.gui = undefined;
}

function renderChain() {
  const chain = $('chain');
  chain.replaceChildren();
  inserts.forEach((ins, i) => {
    const row = document.createElement('div');
    row.className = `insert${ins.bypassed ? ' bypassed' : ''}`;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = `${i + 1}. ${ins.name}`;
    const mk = (label: string, title: string, fn: () => void) => {
      const b = document.createElement('button');
      b.textContent = label;
      b.title = title;
      b.onclick = fn;
      return b;
    };
    row.append(
      name,
      mk('⏻', 'bypass', () => { ins.bypassed = !ins.bypassed; rewire(); renderChain(); }),
      mk('▤', 'show/hide window', () => (ins.panel ? closeGui(ins) : void openGui(ins))),
      mk('✕', 'remove', () => {
        closeGui(ins);
        inserts.splice(inserts.indexOf(ins), 1);
        ins.wam.audioNode.disconnect();
        ins.wam.audioNode.destroy();
        rewire();
        renderChain();
      }),
    );
    chain.appendChild(row);
  });
}

async function play() {
  await ctx.resume();
  if (!song) song = await renderDemoSong(ctx.sampleRate);
  source?.stop();
  source = new AudioBufferSourceNode(ctx, { buffer: song, loop: true });
  source.connect(input);
  source.start();
}

function meterLoop() {
  const buf = new Float32Array(analyser.fftSize);
  const tick = () => {
    analyser.getFloatTimeDomainData(buf);
    let peak = 0;
    for (let i = 0; i < buf.length; i++) peak = Math.max(peak, Math.abs(buf[i]));
    ($('meter') as HTMLMeterElement).value = peak > 0 ? Math.max(-60, 20 * Math.log10(peak)) : -60;
    requestAnimationFrame(tick);
  };
  tick();
}

async function main() {
  [groupId] = await initializeWamHost(ctx);
  rewire();
  const base = new URL('../plugins/', location.href);
  const index = await (await fetch(new URL('index.json', base))).json();
  const select = $('add') as HTMLSelectElement;
  for (const p of index.plugins) {
    const opt = document.createElement('option');
    opt.value = new URL(p.url, base).href;
    opt.textContent = p.name;
    select.appendChild(opt);
  }
  const url = document.createElement('option');
  url.value = 'url';
  url.textContent = 'WAM 2 plugin by URL…';
  select.appendChild(url);
  select.onchange = async () => {
    let v = select.value;
    const label = select.selectedOptions[0]?.textContent ?? v;
    select.value = '';
    if (v === 'url') v = prompt('URL of a WAM 2 plugin (its index.js)') ?? '';
    if (v) await addInsert(v, label === 'WAM 2 plugin by URL…' ? v : label).catch((e) => alert(e.message));
  };
  $('play').onclick = () => void play();
  $('stop').onclick = () => { source?.stop(); source = null; };
  for (const p of index.plugins) await addInsert(new URL(p.url, base).href, p.name);
  $('status').textContent = `${index.plugins.length} plugins loaded · ${ctx.sampleRate} Hz`;
  meterLoop();
}

main().catch((e) => {
  $('status').textContent = `error: ${e.message}`;
  console.error(e);
});
