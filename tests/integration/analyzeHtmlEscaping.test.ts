import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyze/analyzeCommand';
import { escapeHtml } from '../../src/cli/analyze/report/escapeHtml';
import { encodeWav } from '../../src/io/wav';
import { gaussianNoise } from '../support/prng';

const RATE = 48000;
/** The user's strings of issue 12: run as markup, this tag would execute its onerror handler. */
const TAG = '<img src=x onerror=alert(1)>';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'analyze-escaping-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * `npm run analyze -- <scene> --html` for a scene whose file name, one source's name, its
 * stem's file name and an unknown field all carry the tag: the inverted stem makes a
 * finding (so the name reaches the findings, their fixes and the summary), the unknown
 * field a warning. The report must show the strings as text: the tag never raw, its escaped
 * form present.
 */
describe('the HTML report of a scene whose names carry markup', () => {
  let html: string;
  beforeAll(async () => {
    const noise = gaussianNoise(2 * RATE, 5);
    const stemName = `${TAG}.wav`;
    await writeFile(path.join(dir, stemName), encodeWav({ sampleRateHz: RATE, channels: [noise, noise.map((v) => -v)] }, { sampleFormat: 'float32' }));
    await writeFile(path.join(dir, 'clean.wav'), encodeWav({ sampleRateHz: RATE, channels: [gaussianNoise(2 * RATE, 6)] }, { sampleFormat: 'float32' }));
    const source = (id: string, name: string, file: string, azimuthDeg: number) => ({
      id,
      name,
      stem: { file },
      gainDb: 0,
      mute: false,
      solo: false,
      position: { azimuthDeg, elevationDeg: 0, distanceM: 1 },
      spreadDeg: 60,
    });
    const scene = {
      format: 'spatial-mix-studio/scene',
      version: 1,
      sampleRateHz: RATE,
      listener: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
      [TAG]: true,
      sources: [source('clean', 'Clean', 'clean.wav', 0), source('tag', TAG, stemName, 0)],
    };
    const scenePath = path.join(dir, `${TAG}.json`);
    await writeFile(scenePath, JSON.stringify(scene));
    const htmlPath = path.join(dir, 'report.html');
    const errors: string[] = [];
    const outcome = await analyzeCommand([scenePath, '--html', htmlPath], { stdout: () => {}, stderr: (t) => errors.push(t) });
    expect(outcome.exitCode, errors.join('\n')).toBe(0);
    html = await readFile(htmlPath, 'utf8');
  });

  it('never contains the raw tag, nor any <img', () => {
    expect(html).not.toContain(TAG);
    expect(html).not.toMatch(/<img/i);
  });

  it('shows the scene file name, the source name (in its finding) and the warning naming the field as escaped text', () => {
    const escaped = escapeHtml(TAG);
    expect(escaped).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`${escaped}.json</h1>`);
    expect(html).toMatch(new RegExp(`<h3>1\\. ${escaped.replace(/[()]/g, '\\$&')}: polarity, loses`));
    expect(html).toContain(`<td>largest loss</td><td>${escaped} loses`);
    expect(html.match(/onerror=alert\(1\)&gt;/g)!.length).toBeGreaterThanOrEqual(4);
  });
});
