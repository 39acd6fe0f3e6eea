/**
 * What an imported ADM BWF holds, as data for a report: programmes with their objects,
 * and per object its file channels with what each carries (an Objects channel's block
 * count and time span, a DirectSpeakers label, an HOA order and degree).
 */
import type { AdmBlockFormat, AdmTypeDefinition } from '../../core/adm/admModel';
import type { AdmBwf } from './admBwfRead';

export interface AdmChannelSummary {
  /** 0-based file channel. */
  readonly channel: number;
  readonly trackUid: string;
  readonly channelFormatId: string;
  readonly channelFormatName: string;
  readonly type: AdmTypeDefinition;
  readonly blockCount: number;
  /** First block's start and last block's end, seconds; undefined when the blocks carry no times (static). */
  readonly spanSec?: readonly [number, number];
  /** DirectSpeakers: the first block's speaker labels. */
  readonly speakerLabels?: readonly string[];
  /** HOA: the first block's order and degree. */
  readonly hoa?: { readonly order: number; readonly degree: number; readonly normalization?: string };
}

export interface AdmObjectSummary {
  readonly id: string;
  readonly name: string;
  readonly packFormatIds: readonly string[];
  readonly channels: readonly AdmChannelSummary[];
}

export interface AdmProgrammeSummary {
  readonly id: string;
  readonly name: string;
  readonly objectIds: readonly string[];
}

export interface AdmSummary {
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly durationSec: number;
  readonly programmes: readonly AdmProgrammeSummary[];
  readonly objects: readonly AdmObjectSummary[];
}

export function summarizeAdmBwf(bwf: AdmBwf): AdmSummary {
  const { document, lookup, tracks, audio } = bwf;
  const contents = new Map(document.contents.map((c) => [c.id, c]));
  const programmes = document.programmes.map((p) => ({
    id: p.id,
    name: p.name,
    objectIds: p.contentIds.flatMap((id) => contents.get(id)?.objectIds ?? []),
  }));
  const objects = document.objects.map((object) => ({
    id: object.id,
    name: object.name,
    packFormatIds: object.packFormatIds,
    channels: tracks
      .filter((t) => t.objectIds.includes(object.id))
      .map((track): AdmChannelSummary => {
        const format = lookup.channelFormat(track.channelFormatId)!;
        const span = timeSpan(format.blocks);
        const first = format.blocks[0];
        return {
          channel: track.channel,
          trackUid: track.trackUid,
          channelFormatId: format.id,
          channelFormatName: format.name,
          type: format.type,
          blockCount: format.blocks.length,
          ...(span === undefined ? {} : { spanSec: span }),
          ...(first?.type === 'DirectSpeakers' ? { speakerLabels: first.speakerLabels } : {}),
          ...(first?.type === 'HOA'
            ? { hoa: { order: first.order, degree: first.degree, ...(first.normalization === undefined ? {} : { normalization: first.normalization }) } }
            : {}),
        };
      }),
  }));
  return { sampleRateHz: audio.sampleRateHz, channelCount: audio.channels.length, durationSec: (audio.channels[0]?.length ?? 0) / audio.sampleRateHz, programmes, objects };
}

function timeSpan(blocks: readonly AdmBlockFormat[]): [number, number] | undefined {
  const timed = blocks.filter((b) => b.rtime !== undefined);
  if (timed.length === 0) return undefined;
  const start = Math.min(...timed.map((b) => b.rtime!));
  const end = Math.max(...timed.map((b) => b.rtime! + (b.duration ?? 0)));
  return [start, end];
}
