import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../../../src/cli/analyze/analyzeGates';
import { getLoudnessTarget } from '../../../../../src/core/loudnessTargets';
import { renderHtmlReport } from '../../../../../src/cli/analyze/report/htmlReport';
import { renderJsonReport } from '../../../../../src/cli/analyze/report/jsonReport';
import { findingSentence } from '../../../../../src/core/monoAnalysis/phrasing/findingSentence';
import { fixPhrase } from '../../../../../src/core/monoAnalysis/phrasing/fixPhrases';
import { renderTextReport } from '../../../../../src/cli/analyze/report/textReport';
import type { MonoFinding } from '../../../../../src/core/monoAnalysis/findingTypes';
import { handMadeAnalysis, handMadeLoudness, handMadeReport } from './monoAnalysisFixture';

describe('text report', () => {
  const text = renderTextReport(handMadeReport());
  const lines = text.split('\n');

  it('gives every programme\'s loudness with its distance to the target and what to do', () => {
    // Streaming target: -14 LUFS +-1 LU, -1 dBTP. Binaural -16.5: 2.5 dB low, and its -0.4 dBTP true peak is 0.6 dB over.
    const binaural = lines.find((l) => l.trimStart().startsWith('binaural '))!;
    expect(binaural).toMatch(/-16\.5 LUFS\s+3\.2 LU\s+-12\.5\s+-14\.5\s+-0\.4 dBTP\s+-0\.7 dBFS\s+-2\.5 LU\s+raise by 2\.5 dB; true peak 0\.6 dB over -1 dBTP$/);
    expect(lines.find((l) => l.trimStart().startsWith('stereo '))).toMatch(/-14\.2 LUFS .* -0\.2 LU\s+on target$/);
  });

  it('lists the stereo field, 31 bands with a bar per dB lost, and the sources', () => {
    expect(text).toContain('correlation -0.62   mono sum vs stereo -4.3 dB   mid -24.5 dBFS   side -18.3 dBFS');
    // The summary agrees with the findings: the first one's headline, bands by positive dB lost (the masked 125 Hz left out).
    expect(text).toContain('  largest loss: Pad <b>&"wide"</b> loses 12.5 dB at 100 Hz in mono');
    expect(text).toContain('  worst bands: 100 Hz: Pad <b>&"wide"</b> loses 12.5 dB\n');
    const bandRows = lines.filter((l) => /^\s+\d+(\.\d+)? k?Hz\s+[+-]?\d/.test(l));
    expect(bandRows.length).toBe(31);
    expect(lines.find((l) => /^\s+100 Hz/.test(l))).toMatch(/-9\.5 dB\s+-0\.90\s+#{10}$/);
    expect(text).toMatch(/Pad <b>&"wide"<\/b>\s+-20\.0 dBFS\s+-8\.5 dB\s+-0\.90\s+\+3\.8 dB\s+\+2\.5 dB/);
  });

  it('lists the findings most severe first, headed by what each loses in mono, with when, bands, measured facts and fixes', () => {
    const first = lines.findIndex((l) => l.includes('1. Pad <b>&"wide"</b>: polarity, loses 12.5 dB at 100 Hz in mono'));
    const second = lines.findIndex((l) => l.includes('2. Guitar: Haas delay, costs the mix 1.5 dB of mono level'));
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('when: 0:00.5-0:01.5 (worst at 0:01.3)');
    expect(text).toContain('worst bands: 100 Hz loses 12.5 dB (4.0 dB below the mix)');
    // 26 dB below the mix is past the 20 dB at which a band counts as masked.
    expect(text).toContain('worst bands: 125 Hz loses 7.5 dB (masked: 26.0 dB below the mix)');
    expect(text).toContain('correlation -0.90; own mono sum vs stereo -8.5 dB; its stem summed to mono -60.0 dB; the mix loses 6.5 dB to it');
    expect(text).toContain('fix: Flip the polarity of the right channel of Pad <b>&"wide"</b>. (mix +5.5 dB)');
    expect(text).toContain('delay 12.0 ms (576 samples, the right lags); mono notches at 41.7 Hz, 125 Hz, 208 Hz; own mono sum vs stereo +0.25 dB; the mix loses 1.5 dB to it');
    expect(text).toContain('when: throughout (worst at 0:00.8)');
  });

  it('writes each finding\'s sentence and fixes as the studio does (core/monoAnalysis/phrasing), times as m:ss.s', () => {
    const [pad, guitar] = handMadeAnalysis().findings as [MonoFinding, MonoFinding];
    const sentence = findingSentence(pad, 'stereo');
    expect(sentence).toBe(
      'Pad <b>&"wide"</b> loses 12.5 dB at 100 Hz in mono, 8.5 dB overall; its stem loses 60.0 dB summed to mono. Its channels are polarity-inverted against each other (correlation -0.90); it costs the mix 6.5 dB of mono level, around 0:01.3.',
    );
    expect(lines).toContain(`     ${sentence}`);
    expect(text).toContain('Guitar costs the mix 1.5 dB of mono level. One channel is a copy of the other delayed by 12.0 ms (576 samples, the right lags)');
    expect(text).toContain(`fix: ${fixPhrase(guitar.fixes[0]!, guitar)}`);
  });

  it('ends with the gates', () => {
    expect(lines.at(-1)).toBe('  FAIL  mono-loss>3dB: FAILED: 1.3 dB beyond');
  });
});

describe('JSON report', () => {
  it('parses back to the same report, numbers at full precision', () => {
    const report = handMadeReport();
    const parsed = JSON.parse(renderJsonReport(report));
    expect(parsed).toEqual(report);
    expect(parsed.monoAnalysis.overall.monoVsStereoDb).toBe(-4.25);
    expect(parsed.loudness[0].integratedLufs).toBe(-16.5);
  });
});

describe('HTML report', () => {
  const html = renderHtmlReport(handMadeReport());

  it('is self-contained: no scripts, links, external sources or URLs', () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
  });

  it('has one <svg> per plot: loudness of 3 programmes, correlation, mono sum vs stereo over time and per band, binaural per band', () => {
    expect(html.match(/<svg /g)?.length).toBe(7);
    expect(html.match(/<\/svg>/g)?.length).toBe(7);
    for (const title of ['Loudness over time: binaural', 'Correlation over time', 'Mono sum vs stereo over time', 'Mono sum vs stereo per one-third-octave band', 'Binaural render: mono sum vs stereo per band']) {
      expect(html).toContain(title);
    }
    // 31 bars in each per-band plot.
    expect(html.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill=/g)?.length).toBe(62);
  });

  it('heads each finding with what it loses in mono, as the text report does', () => {
    expect(html).toContain('<h3>1. Pad &lt;b&gt;&amp;&quot;wide&quot;&lt;/b&gt;: polarity, loses 12.5 dB at 100 Hz in mono</h3>');
    expect(html).toContain('Worst bands: 100 Hz loses 12.5 dB (4.0 dB below the mix)');
    expect(html).toContain('<td>largest loss</td><td>Pad &lt;b&gt;&amp;&quot;wide&quot;&lt;/b&gt; loses 12.5 dB at 100 Hz in mono</td>');
    expect(html).toContain('<td>mono sum vs stereo</td><td class="num">-4.3 dB (4.3 dB lost in mono); law -3dB');
    expect(html).toContain('When: 0:00.5-0:01.5 (worst at 0:01.3)');
    expect(html).toContain('<p>Pad &lt;b&gt;&amp;&quot;wide&quot;&lt;/b&gt; loses 12.5 dB at 100 Hz in mono, 8.5 dB overall; its stem loses 60.0 dB summed to mono.');
  });

  it('escapes every string from the input', () => {
    expect(html).not.toContain('<b>');
    expect(html).toContain('Pad &lt;b&gt;&amp;&quot;wide&quot;&lt;/b&gt;');
    expect(html).toContain('scenes/&lt;odd&gt; &amp; &quot;name&quot;.json');
    expect(html).toContain('unknown field &lt;x&gt;');
  });
});

describe('evaluateGates', () => {
  const target = getLoudnessTarget('streaming');
  const analysis = handMadeAnalysis(); // overall mono sum vs stereo -4.25 dB: 4.25 dB lost

  it('fails mono-loss>3dB by 1.25 dB and passes mono-loss>5dB, measuring the loss as a positive number of dB', () => {
    const [strict, lenient] = evaluateGates([{ kind: 'mono-loss', maxLossDb: 3 }, { kind: 'mono-loss', maxLossDb: 5 }], { analysis, programmes: [handMadeLoudness('stereo', -14, -2)] }, target);
    expect(strict).toMatchObject({ gate: 'mono-loss>3dB', passed: false, measured: 4.25, limit: 3 });
    expect(strict!.excess).toBeCloseTo(1.25, 12);
    expect(strict!.message).toBe('mono-loss>3dB: FAILED: the stereo render loses 4.3 dB in mono (mono sum vs stereo -4.3 dB), 1.3 dB beyond the limit of 3.0 dB lost');
    expect(lenient).toMatchObject({ passed: true, excess: 0 });
  });

  it('measures no loss for a mix that is louder in mono (+3.01 dB, identical channels): it passes any limit', () => {
    const louder = { ...analysis, overall: { ...analysis.overall, monoVsStereoDb: 10 * Math.log10(2) } };
    const [gate] = evaluateGates([{ kind: 'mono-loss', maxLossDb: 0 }], { analysis: louder, programmes: [handMadeLoudness('stereo', -14, -2)] }, target);
    expect(gate).toMatchObject({ passed: true, measured: 0, limit: 0, excess: 0 });
    expect(gate!.message).toBe('mono-loss>0dB: passed (the stereo render loses nothing in mono (mono sum vs stereo +3.0 dB), limit 0.0 dB lost)');
  });

  it('fails loudness outside the tolerance or over the true-peak ceiling, by how much', () => {
    // -16.5 LUFS against -14 +-1: 1.5 LU beyond; -0.4 dBTP against -1: 0.6 dB over.
    const [low] = evaluateGates([{ kind: 'loudness' }], { analysis, programmes: [handMadeLoudness('binaural', -16.5, -0.4)] }, target);
    expect(low!.passed).toBe(false);
    expect(low!.excess).toBeCloseTo(1.5, 12);
    expect(low!.message).toBe(
      'loudness: FAILED (binaural, Streaming (-14 LUFS)): integrated -16.5 LUFS is 2.5 LU below the target -14 LUFS (1.5 LU beyond the +-1 LU tolerance); true peak -0.4 dBTP is 0.6 dB above the -1 dBTP ceiling',
    );
    const [ok] = evaluateGates([{ kind: 'loudness' }], { analysis, programmes: [handMadeLoudness('stereo', -14.9, -1)] }, target);
    expect(ok!.passed).toBe(true);
  });

  it('checks the loudness of every output listed, one result each: 7.1.4 on target, its binaural 2.5 LU low', () => {
    const results = evaluateGates([{ kind: 'loudness' }], { analysis, programmes: [handMadeLoudness('7.1.4', -14.2, -3), handMadeLoudness('binaural-7.1.4', -16.5, -3)] }, target);
    expect(results.map((r) => r.passed)).toEqual([true, false]);
    expect(results[0]!.message).toMatch(/^loudness: passed \(7\.1\.4: -14\.2 LUFS/);
    expect(results[1]!.message).toMatch(/^loudness: FAILED \(binaural-7\.1\.4, .*integrated -16\.5 LUFS is 2\.5 LU below/);
  });

  it('fails the delivery gate on a failed rule, not on a flag, counting the failures', () => {
    const rule = (id: string, verdict: 'pass' | 'fail' | 'flag') => ({ id, requirement: 'r', found: 'f', verdict, source: 'UMG' as const });
    const delivery = (rules: ReturnType<typeof rule>[]) => ({ specification: 'atmos-music' as const, facts: {} as never, rules });
    const [flagged] = evaluateGates([{ kind: 'delivery' }], { analysis: undefined, programmes: [], delivery: delivery([rule('a', 'pass'), rule('b', 'flag')]) }, target);
    expect(flagged).toMatchObject({ gate: 'delivery', passed: true, measured: 0, message: 'delivery: passed (atmos-music: 2 rules, none failed; 1 flagged for approval)' });
    const [failed] = evaluateGates([{ kind: 'delivery' }], { analysis: undefined, programmes: [], delivery: delivery([rule('a', 'fail'), rule('b', 'flag'), rule('c', 'fail')]) }, target);
    expect(failed).toMatchObject({ passed: false, measured: 2, limit: 0, unit: 'rules', message: 'delivery: FAILED (atmos-music): a: f, expected r; c: f, expected r; 1 flagged for approval' });
  });

  it('passes a mono-loss gate for a mono file, which has no stereo analysis', () => {
    const [gate] = evaluateGates([{ kind: 'mono-loss', maxLossDb: 3 }], { analysis: undefined, programmes: [handMadeLoudness('mix', -14, -2)] }, target);
    expect(gate!.passed).toBe(true);
  });
});

describe('the delivery check and output mono checks in the reports', () => {
  const base = handMadeReport();
  const report = {
    ...base,
    input: { ...base.input, kind: 'adm' as const, file: 'm<a>ster.wav', channelCount: 12 },
    loudness: [{ ...handMadeLoudness('7.1.4', -18.3, -5.4), monoCheck: { monoVsStereoDb: 2.8, of: 'fold-down' as const } }],
    delivery: {
      specification: 'atmos-music' as const,
      facts: {
        sampleRateHz: 44100, bitsPerSample: 24, channelCount: 12, objectCount: 2, admProfileProblems: [],
        fullRender: { render: '7.1.4', integratedLkfs: -18.3, truePeakDbtp: -5.4 },
        downmix51: { render: '5.1 downmix', integratedLkfs: -18.2, truePeakDbtp: -5.4 },
        lfe: undefined, emptyObjects: ['<empty>'], renderModes: ['near' as const],
      },
      rules: [
        { id: 'sample-rate', requirement: '48 kHz', found: '44.1 kHz', verdict: 'fail' as const, source: 'DOLBY' as const },
        { id: 'no-empty-objects', requirement: 'no empty object channels', found: 'empty: <empty>', verdict: 'flag' as const, source: 'UMG' as const },
      ],
    },
  };

  it('prints each rule with its verdict, what was found and what is required, and the output\'s mono check', () => {
    const text = renderTextReport(report);
    expect(text).toContain('Delivery check (atmos-music): 0 passed, 1 failed, 1 flagged for approval');
    expect(text).toContain('  FAIL  sample-rate       44.1 kHz  (required: 48 kHz; DOLBY)');
    expect(text).toContain('  FLAG  no-empty-objects  empty: <empty>  (required: no empty object channels; UMG)');
    expect(text).toMatch(/7\.1\.4\s+-18\.3 LUFS .* \+2\.8 dB \(fold-down\)/);
    expect(text).toContain('ADM BWF master, 12 channels');
  });

  it('writes the delivery section in the HTML report, escaped, and the rules in the JSON', () => {
    const html = renderHtmlReport(report);
    expect(html).toContain('<h2>Delivery check (atmos-music)</h2>');
    expect(html).toContain('<td class="fail">FAIL</td><td>sample-rate</td><td>44.1 kHz</td>');
    expect(html).toContain('<td class="flag">FLAG</td><td>no-empty-objects</td><td>empty: &lt;empty&gt;</td>');
    expect(html).not.toContain('<empty>');
    expect(JSON.parse(renderJsonReport(report)).delivery.rules[0].verdict).toBe('fail');
  });
});
