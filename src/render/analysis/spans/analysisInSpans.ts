import { analysisFrameCount } from '../../../dsp/analysis/monoMomentAnalyser';
import type { MomentFrameRange } from '../../../dsp/analysis/monoMomentAnalyser';
import type { MonoAnalysis } from '../../../core/monoAnalysis/monoAnalysisTypes';
import { sceneAnalysisSetup } from '../sceneAnalysisSetup';
import type { SceneAnalysisSetup } from '../sceneAnalysisSetup';
import { concludeSceneMono, emptyAnalysis } from '../sceneMonoAnalysis';
import { measureSceneSpan } from '../sceneSpanMoments';
import type { SceneSpanMoments } from '../sceneSpanMoments';
import { joinSpanLoudness, silentProgrammeLoudness } from '../spanLoudness';
import type { ProgrammeLoudnessSums } from '../spanLoudness';
import { PROGRESS_STEP } from './spanProtocol';
import type { SpanJob, SpanReply, SpanRequest } from './spanProtocol';

/**
 * A scene's analysis split in time, both sides of the span protocol (spanProtocol.ts),
 * for any host: the programme's analysis frames are planned into one span per worker
 * (sceneAnalysisSpans), a worker measures the span it is asked for (answerSpanRequest),
 * and the host's run (createSpanRun) sends the requests, takes the replies, adds up the
 * progress and concludes once from the spans' sums (concludeSceneMeasurement). The hosts
 * only create workers and pass messages: worker threads in Node
 * (src/cli/analyze/parallelSceneAnalysis.ts), Web Workers in the studio (src/engine/analysisClient.ts).
 */

/** What one pass over a scene measures. */
export interface SceneMeasurementPass {
  readonly analysis: MonoAnalysis;
  /** The binaural, stereo and mono renders' loudness sums (with options.loudness). */
  readonly loudness: readonly ProgrammeLoudnessSums[] | null;
  /** Render blocks with non-finite samples, silenced by the renderers. */
  readonly nonFiniteBlocks: number;
}

/**
 * The analysis frames split into at most `count` consecutive spans of (nearly) equal
 * length, which tile all of them: one per worker when the analysis runs in parallel.
 */
export function sceneAnalysisSpans(setup: SceneAnalysisSetup, count: number): MomentFrameRange[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`mono analysis: expected a positive whole number of spans, got ${count}`);
  const frames = analysisFrameCount(setup.lengthFrames, setup.scene.sampleRateHz);
  const spans = Math.min(count, frames);
  return Array.from({ length: spans }, (_, i) => ({ first: Math.round((i * frames) / spans), end: Math.round(((i + 1) * frames) / spans) }));
}

/** Measures one span, wherever it runs (a worker), reporting the fraction of it done. */
export type SceneSpanMeasurer = (span: MomentFrameRange, onProgress: (fraction: number) => void) => Promise<SceneSpanMoments>;

/** The spans' sums, in span order, each span measured by `measureSpan` (all started at once); onProgress gets the fraction of the programme measured. */
export async function measureSceneSpans(
  setup: SceneAnalysisSetup,
  spanCount: number,
  measureSpan: SceneSpanMeasurer,
  onProgress?: (fraction: number) => void,
): Promise<SceneSpanMoments[]> {
  const spans = sceneAnalysisSpans(setup, spanCount);
  const total = spans[spans.length - 1]!.end;
  const done = spans.map(() => 0);
  return Promise.all(
    spans.map((span, i) =>
      measureSpan(span, (fraction) => {
        done[i] = fraction * (span.end - span.first);
        onProgress?.(done.reduce((a, b) => a + b, 0) / total);
      }),
    ),
  );
}

/** The setup a job's analysis works on: each worker derives it from the request it is sent, the conclusion from the same job. */
function spanJobSetup(job: SpanJob): SceneAnalysisSetup {
  return sceneAnalysisSetup(job.scene, job.stems, job.options);
}

/** The measurement from the sums of spans that tile the programme's frames. */
function concludeSceneMeasurement(setup: SceneAnalysisSetup, parts: readonly SceneSpanMoments[]): SceneMeasurementPass {
  return {
    analysis: concludeSceneMono(setup, parts),
    loudness: setup.loudness ? joinSpanLoudness(parts.map((part) => part.loudness!)) : null,
    nonFiniteBlocks: parts.reduce((n, part) => n + part.nonFiniteBlocks, 0),
  };
}

/** The measurement of a scene in which no source is heard: nothing to measure. */
function silentMeasurement(setup: SceneAnalysisSetup): SceneMeasurementPass {
  return {
    analysis: emptyAnalysis(setup),
    loudness: setup.loudness ? silentProgrammeLoudness(setup.lengthFrames, setup.scene.sampleRateHz) : null,
    nonFiniteBlocks: 0,
  };
}

/** The whole job on the calling thread, as one span (no workers); calls onProgress(fraction) after every chunk. */
export function measureSceneHere(job: SpanJob, onProgress?: (fraction: number) => void): SceneMeasurementPass {
  const setup = spanJobSetup(job);
  if (setup.contributors.length === 0) return silentMeasurement(setup);
  return concludeSceneMeasurement(setup, [measureSceneSpan(setup, undefined, onProgress)]);
}

/**
 * The worker's side: measures the span `request` asks for and posts the replies, progress
 * whenever it has moved by PROGRESS_STEP of the span, then the span's sums, or the error
 * that stopped it. A worker entry wires its port's messages to this.
 */
export function answerSpanRequest(request: SpanRequest, post: (reply: SpanReply) => void): void {
  const { run, index } = request;
  let reported = 0;
  try {
    const moments = measureSceneSpan(spanJobSetup(request), request.span, (fraction) => {
      if (!(fraction - reported >= PROGRESS_STEP)) return;
      reported = fraction;
      post({ run, index, kind: 'progress', fraction });
    });
    post({ run, index, kind: 'sums', moments });
  } catch (error) {
    post({ run, index, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** A host's workers as a run sees them. */
export interface SpanWorkers {
  /** Sends `request` to the worker for span request.index (one worker per span), created if need be. */
  post(request: SpanRequest): void;
  /** Ends the workers still measuring: the run failed or was cancelled, and a span in progress stops no other way. */
  stop(): void;
}

/** The host's side of one analysis. */
export interface SpanRun {
  /**
   * Plans the spans, sends one request per span through `workers`, and concludes from
   * their sums; onProgress gets the fraction of the programme measured. Rejects with the
   * first error: a worker's reply, or fail(). Call it once.
   */
  measure(workers: SpanWorkers, onProgress?: (fraction: number) => void): Promise<SceneMeasurementPass>;
  /** A worker's reply; replies to another run, or to this one once settled, are ignored. */
  receive(reply: SpanReply): void;
  /** Rejects the run with `error` (a worker failed, or the host cancels) and stops its workers; no effect once it has settled. */
  fail(error: Error): void;
}

interface SpanListener {
  readonly onProgress: (fraction: number) => void;
  readonly resolve: (moments: SceneSpanMoments) => void;
}

/** A run, `id` (told apart from the host's other runs by its replies), of `job` over at most `spanCount` spans. */
export function createSpanRun(id: number, job: SpanJob, spanCount: number): SpanRun {
  const listeners = new Map<number, SpanListener>();
  let workers: SpanWorkers | null = null;
  let settled = false;
  let rejectRun: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    rejectRun = reject;
  });
  // A run failed before it measured has nobody waiting on it yet.
  failed.catch(() => undefined);
  const fail = (error: Error): void => {
    if (settled) return;
    settled = true;
    workers?.stop();
    rejectRun(error);
  };
  const measureSpans = async (hostWorkers: SpanWorkers, onProgress?: (fraction: number) => void): Promise<SceneMeasurementPass> => {
    const setup = spanJobSetup(job);
    if (setup.contributors.length === 0) return silentMeasurement(setup);
    let next = 0;
    const measureSpan: SceneSpanMeasurer = (span, onSpanProgress) =>
      new Promise<SceneSpanMoments>((resolve) => {
        const index = next++;
        listeners.set(index, { onProgress: onSpanProgress, resolve });
        hostWorkers.post({ ...job, run: id, index, span });
      });
    return concludeSceneMeasurement(setup, await measureSceneSpans(setup, spanCount, measureSpan, onProgress));
  };
  return {
    measure(hostWorkers, onProgress) {
      if (settled) return failed;
      workers = hostWorkers;
      const measured = measureSpans(hostWorkers, onProgress);
      const settle = (): void => {
        settled = true;
      };
      measured.then(settle, settle);
      return Promise.race([measured, failed]);
    },
    receive(reply) {
      if (reply.run !== id || settled) return;
      const listener = listeners.get(reply.index);
      if (listener === undefined) return;
      if (reply.kind === 'progress') listener.onProgress(reply.fraction);
      else if (reply.kind === 'sums') {
        // A worker reports progress in steps; with its sums, all of its span is measured.
        listener.onProgress(1);
        listener.resolve(reply.moments);
      } else fail(new Error(reply.message));
    },
    fail,
  };
}
