import { beforeAll, describe, expect, it } from 'vitest';
import { loadHrtfGrid } from '../../src/cli/loadHrtf';
import type { Scene, SceneSource } from '../../src/core/scene/scene';
import type { MomentFrameRange } from '../../src/dsp/analysis/monoMomentAnalyser';
import type { HrtfGrid } from '../../src/dsp/hrtf/hrtfGrid';
import { monoCheckJob } from '../../src/engine/analysisClient';
import type { AnalysisJob } from '../../src/engine/analysisClient';
import type { MonoAnalysis } from '../../src/core/monoAnalysis/monoAnalysisTypes';
import { analyzeSceneMono } from '../../src/render/analysis/sceneMonoAnalysis';
import { answerSpanRequest, createSpanRun } from '../../src/render/analysis/spans/analysisInSpans';
import type { SpanRun, SpanWorkers } from '../../src/render/analysis/spans/analysisInSpans';
import { PROGRESS_STEP } from '../../src/render/analysis/spans/spanProtocol';
import type { SpanReply } from '../../src/render/analysis/spans/spanProtocol';
import { gaussianNoise } from '../support/prng';
import { testScene } from '../support/renderHelpers';

/**
 * The studio's mono check (src/engine/analysisClient.ts monoCheckJob) through the span
 * protocol (src/render/analysis/spans): one pass over the programme in spans, each
 * answered by the workers' handler from a structured clone of its request, its replies
 * cloned back, as postMessage delivers them, and concluded by the host's run on the
 * calling thread. It equals the analysis in
 * one go with the binaural survival checked, for both formats: spans differ from one pass
 * only by the renderers' state after a seek, a pre-roll before the span's audio
 * (monoAnalysisSpans.test.ts). Tolerance 1e-6 dB and 1e-6 in correlation.
 */
const RATE = 48000;
const FRAMES = 4 * RATE;
const SPANS = 3;
const DB_TOLERANCE = 1e-6;
const CORRELATION_TOLERANCE = 1e-6;
let hrtf: HrtfGrid;

beforeAll(async () => {
  hrtf = await loadHrtfGrid(undefined, RATE);
});

/** A source hard left (its binaural contribution cancels partly when the ears are summed) and a polarity-inverted wide one. */
function job(format: 'stereo' | 'binaural'): AnalysisJob {
  const base = testScene([
    { azimuthDeg: 90, elevationDeg: 0, distanceM: 1 },
    { azimuthDeg: 0, elevationDeg: 0, distanceM: 2 },
  ]);
  const wide = gaussianNoise(FRAMES, 32);
  const sources: SceneSource[] = [
    { ...base.sources[0]!, id: 'side', name: 'Side', spreadDeg: 0 },
    { ...base.sources[1]!, id: 'inverted', name: 'Inverted', spreadDeg: 60 },
  ];
  const scene: Scene = { ...base, sources };
  return { scene, stems: [[gaussianNoise(FRAMES, 31)], [wide, wide.map((v) => -v)]], grid: hrtf, format, monoLaw: '-3dB' };
}

/**
 * Workers in this thread, as the hosts' are wired (analysisWorker.ts, sceneSpanWorker.ts):
 * each request answered in a later task by the workers' handler; `replied` sees each reply
 * before the run does, and may change or drop it (null). Records the spans asked for and
 * the times the run stopped its workers.
 */
interface InThreadWorkers extends SpanWorkers {
  readonly measured: MomentFrameRange[];
  stops: number;
}
function inThreadWorkers(run: SpanRun, replied: (reply: SpanReply) => SpanReply | null = (reply) => reply): InThreadWorkers {
  const workers: InThreadWorkers = {
    measured: [],
    stops: 0,
    post(request) {
      workers.measured.push(request.span);
      const delivered = structuredClone(request);
      setTimeout(() =>
        answerSpanRequest(delivered, (reply) => {
          const passed = replied(structuredClone(reply));
          if (passed !== null) run.receive(passed);
        }),
      );
    },
    stop() {
      workers.stops++;
    },
  };
  return workers;
}

async function analyzeInSpans(analysed: AnalysisJob, onProgress?: (fraction: number) => void): Promise<{ result: MonoAnalysis; workers: InThreadWorkers }> {
  const run = createSpanRun(1, monoCheckJob(analysed), SPANS);
  const workers = inThreadWorkers(run);
  const pass = await run.measure(workers, onProgress);
  return { result: pass.analysis, workers };
}

function expectSameAnalysis(result: MonoAnalysis, onePass: MonoAnalysis): void {
  expect(result.format).toBe(onePass.format);
  expect(result.durationSec).toBe(onePass.durationSec);
  expect(Math.abs(result.overall.monoVsStereoDb - onePass.overall.monoVsStereoDb)).toBeLessThan(DB_TOLERANCE);
  expect(Math.abs(result.overall.correlation - onePass.overall.correlation)).toBeLessThan(CORRELATION_TOLERANCE);
  result.overall.bandMonoVsStereoDb.forEach((loss, i) => expect(Math.abs(loss - onePass.overall.bandMonoVsStereoDb[i]!)).toBeLessThan(DB_TOLERANCE));
  expect(result.findings.map((f) => [f.sourceId, f.kind])).toEqual(onePass.findings.map((f) => [f.sourceId, f.kind]));
  result.findings.forEach((f, i) => expect(Math.abs(f.severityDb - onePass.findings[i]!.severityDb)).toBeLessThan(DB_TOLERANCE));
  const survival = result.binaural!;
  const reference = onePass.binaural!;
  expect(Math.abs(survival.monoVsStereoDb - reference.monoVsStereoDb)).toBeLessThan(DB_TOLERANCE);
  expect(Math.abs(survival.correlation - reference.correlation)).toBeLessThan(CORRELATION_TOLERANCE);
  survival.bandMonoVsStereoDb.forEach((loss, i) => expect(Math.abs(loss - reference.bandMonoVsStereoDb[i]!)).toBeLessThan(DB_TOLERANCE));
  expect(survival.sources.map((s) => s.sourceId)).toEqual(['side', 'inverted']);
  survival.sources.forEach((s, i) => expect(Math.abs(s.monoVsStereoDb - reference.sources[i]!.monoVsStereoDb)).toBeLessThan(DB_TOLERANCE));
}

describe('the studio\'s mono check in spans', () => {
  it.each(['stereo', 'binaural'] as const)(
    'a %s check over 3 spans equals the one-pass analysis with the binaural survival (1e-6 dB, 1e-6 in correlation)',
    async (format) => {
      const analysed = job(format);
      const progress: number[] = [];
      const { result, workers } = await analyzeInSpans(analysed, (f) => progress.push(f));
      const onePass = analyzeSceneMono(analysed.scene, analysed.stems, { format, hrtf, checkBinaural: true, monoLaw: '-3dB' });

      expect(workers.measured).toHaveLength(SPANS);
      expect(workers.stops).toBe(0);
      expect(onePass.binaural).toBeDefined();
      expectSameAnalysis(result, onePass);
      // The inverted wide source is named, in both formats.
      expect(result.findings.map((f) => f.sourceId)).toContain('inverted');
      // Progress over the whole programme: it never goes back and ends at 1 (to 1e-12).
      expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
      expect(progress.at(-1)).toBeCloseTo(1, 12);
    },
  );

  it('concludes a scene in which no source is heard without measuring a span, as the one-pass analysis does', async () => {
    const analysed = job('stereo');
    const muted: AnalysisJob = { ...analysed, scene: { ...analysed.scene, sources: analysed.scene.sources.map((s) => ({ ...s, mute: true })) } };
    const { result, workers } = await analyzeInSpans(muted);
    expect(workers.measured).toHaveLength(0);
    expect(result).toEqual(analyzeSceneMono(muted.scene, muted.stems, { format: 'stereo', hrtf, checkBinaural: true, monoLaw: '-3dB' }));
    expect(result.findings).toEqual([]);
  });
});

describe('the span protocol', () => {
  it('a worker reports progress in steps of at least PROGRESS_STEP of its span, then its sums', async () => {
    const replies: SpanReply[] = [];
    const run = createSpanRun(7, monoCheckJob(job('stereo')), SPANS);
    await run.measure(inThreadWorkers(run, (reply) => (replies.push(reply), reply)));
    for (let index = 0; index < SPANS; index++) {
      const own = replies.filter((reply) => reply.index === index);
      expect(own.every((reply) => reply.run === 7)).toBe(true);
      expect(own.at(-1)!.kind).toBe('sums');
      const fractions = own.flatMap((reply) => (reply.kind === 'progress' ? [reply.fraction] : []));
      expect(fractions.length).toBeGreaterThan(0);
      fractions.forEach((f, i) => expect(f - (fractions[i - 1] ?? 0)).toBeGreaterThanOrEqual(PROGRESS_STEP));
    }
  });

  it("a worker's error rejects the run with its message and stops the workers once; later replies change nothing", async () => {
    const run = createSpanRun(1, monoCheckJob(job('stereo')), SPANS);
    const workers = inThreadWorkers(run, (reply) => (reply.index === 1 && reply.kind === 'sums' ? { run: reply.run, index: 1, kind: 'error', message: 'span 1 failed' } : reply));
    await expect(run.measure(workers)).rejects.toThrow('span 1 failed');
    // The other spans' replies still arrive (stop() here ends no worker); give them time to.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers.stops).toBe(1);
  });

  it("ignores another run's replies, and fail() (a cancel) rejects with the host's error and stops the workers", async () => {
    const run = createSpanRun(1, monoCheckJob(job('stereo')), SPANS);
    const progress: number[] = [];
    let sums = 0;
    let allAnswered: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      allAnswered = resolve;
    });
    const workers = inThreadWorkers(run, (reply) => {
      if (reply.kind === 'sums' && ++sums === SPANS) allAnswered();
      return { ...reply, run: 2 };
    });
    const measured = run.measure(workers, (f) => progress.push(f));
    await answered;
    expect(progress).toEqual([]);
    const cancelled = new Error('cancelled');
    run.fail(cancelled);
    await expect(measured).rejects.toBe(cancelled);
    expect(workers.stops).toBe(1);
  });
});
