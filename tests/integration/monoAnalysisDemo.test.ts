import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSceneJson } from '../../src/core/scene/sceneParse';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { findingSentence } from '../../src/core/monoAnalysis/phrasing/findingSentence';
import { generateDemoStem, isDemoStemName } from '../../scenes/generators/index';

const DEMO = fileURLToPath(new URL('../../scenes/demo.json', import.meta.url));
let analysis: MonoAnalysis;
const progress: number[] = [];

beforeAll(() => {
  const { scene } = parseSceneJson(readFileSync(DEMO, 'utf8'), 'demo.json');
  const stems = scene.sources.map((source) => {
    if (source.stem.kind !== 'generator' || !isDemoStemName(source.stem.generator)) throw new Error(`unexpected stem of ${source.id}`);
    return generateDemoStem(source.stem.generator, scene.sampleRateHz);
  });
  analysis = analyzeSceneMono(scene, stems, { format: 'stereo', onProgress: (f) => progress.push(f) });
});

describe('mono analysis of the demo scene (stereo fold-down)', () => {
  it('names the Haas-widened guitar: 12 ms to the sample (576 at 48 kHz), notches at 41.7, 125, 208 Hz (0.1 Hz)', () => {
    // scenes/generators/stems/distortedGuitar.ts: right = left delayed by round(0.012 x 48000) = 576 samples.
    const haas = analysis.findings.find((f) => f.sourceId === 'guitar');
    expect(haas?.kind).toBe('haas');
    expect(haas!.delaySamples).toBe(576);
    expect(Math.abs(haas!.delayMs! - 12)).toBeLessThan(1e-9);
    // f_k = (2k + 1) / (2 x 12 ms).
    [41.7, 125, 208.3].forEach((hz, k) => expect(Math.abs(haas!.notchFrequenciesHz![k]! - hz)).toBeLessThan(0.1));
    expect(findingSentence(haas!, 'stereo')).toContain('12.0 ms (576 samples, the right lags)');
    expect(haas!.timeRanges.length).toBeGreaterThan(0);
  });

  it('leads with what the guitar loses itself in mono: a band that holds a comb notch, severe (6 dB or more), heard above the mix', () => {
    const haas = analysis.findings.find((f) => f.sourceId === 'guitar')!;
    const headline = haas.headline!;
    expect(headline.of).toBe('source');
    expect(headline.audible).toBe(true);
    // Notches at (2k + 1) / (2 x 12 ms): the band of the headline holds one of them (the third-octave bands are
    // narrower than the 83.3 Hz between notches only below about 360 Hz, so that is where the comb shows).
    const band = headline.band!;
    expect(haas.notchFrequenciesHz!.some((hz) => hz >= band.lowerHz && hz <= band.upperHz)).toBe(true);
    expect(haas.severityDb).toBe(-headline.monoVsStereoDb);
    expect(haas.severityDb).toBeGreaterThanOrEqual(6);
    expect(findingSentence(haas, 'stereo')).toMatch(/^Heavy guitar \(Haas-widened\) loses \d+\.\d dB at \d+ Hz in mono/);
    // The whole mix loses little to it (its level is 16 dB below the mix): under the 0.1 dB reporting threshold.
    expect(haas.mixLossDb!).toBeLessThan(0.1);
  });

  it('names the pad, whose stem has side 1.5 x its mid with an inverted shimmer', () => {
    // scenes/generators/stems/pad.ts: L = A + B, R = A - B, |B|^2 = 1.5 |A|^2: stem correlation (1 - 1.5)/(1 + 1.5) = -0.2.
    const pad = analysis.findings.find((f) => f.sourceId === 'pad');
    expect(pad).toBeDefined();
    expect(['polarity', 'wide-source', 'fold-down-cancellation']).toContain(pad!.kind);
    expect(findingSentence(pad!, 'stereo')).toContain('-0.20');
    // Its stem's channels have equal power (L = A + B, R = A - B, A and B uncorrelated), so summed to mono the stem
    // loses 10 log10(1 + r) = 10 log10(0.8) = -0.97 dB (0.05 dB: r is -0.20 to two decimals, +-0.03 dB).
    expect(Math.abs(pad!.stemMonoVsStereoDb! - 10 * Math.log10(0.8))).toBeLessThan(0.05);
    // Its sentence says so, to two decimals (below 1 dB): the same 0.05 dB about 0.97.
    const said = /its stem loses (\d\.\d\d) dB summed to mono/.exec(findingSentence(pad!, 'stereo'));
    expect(Math.abs(Number(said![1]) + 10 * Math.log10(0.8))).toBeLessThan(0.05);
  });

  it('names neither the drums, the bass nor the lead (mono stems, near the centre)', () => {
    const named = analysis.findings.map((f) => f.sourceId);
    for (const id of ['drums', 'bass', 'lead']) expect(named).not.toContain(id);
  });

  it('sorts findings by severity (the guitar, whose comb notch is the deepest loss heard, first), lists the seven sources and reports progress up to 1', () => {
    const severities = analysis.findings.map((f) => f.severityDb);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(analysis.findings[0]!.sourceId).toBe('guitar');
    expect(analysis.sources.map((s) => s.sourceId)).toEqual(['drums', 'bass', 'lead', 'guitar', 'pad', 'ambience', 'arp']);
    // Mono sources keep all their level in mono: +3.01 dB with the -3 dB law for the centred drums (0.01 dB).
    expect(Math.abs(analysis.sources[0]!.monoVsStereoDb - 10 * Math.log10(2))).toBeLessThan(0.01);
    expect(progress.at(-1)).toBe(1);
    expect(analysis.timeline.startSec.length).toBe(Math.ceil(analysis.durationSec / 0.5));
  });
});
