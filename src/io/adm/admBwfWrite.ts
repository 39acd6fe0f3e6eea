/**
 * An ADM BWF file from the model: the audio as 24-bit PCM (by default) with the `chna`
 * and `axml` chunks before `data`, as BW64 (ITU-R BS.2088) when beyond 4 GiB. The model is
 * checked first as the reader checks it (admTracks: every chna track resolves, the format
 * references agree), so what is written reads back.
 */
import type { AdmDocument, ChnaEntry } from '../../core/adm/admModel';
import type { PcmAudio, PcmSampleFormat } from '../../core/pcm';
import { encodeWav, encodeWavPieces } from '../wavEncode';
import type { WavSampleSource } from '../wavEncode';
import { admLookup } from './admLookup';
import { resolveTracks } from './admTracks';
import { writeAdmXml } from './admXmlWrite';
import { writeChna } from './chna';
import { encodeUtf8 } from './utf8';

export interface AdmBwfContent {
  readonly document: AdmDocument;
  readonly chna: readonly ChnaEntry[];
  readonly audio: PcmAudio;
}

export interface AdmBwfWriteOptions {
  /** Default 24-bit. */
  readonly sampleFormat?: PcmSampleFormat;
  /** Write BW64 with ds64 even when RIFF would do. */
  readonly forceLargeForm?: boolean;
}

/** The file's bytes. Throws a FieldError (source "ADM export") for a model whose tracks do not resolve. */
export function writeAdmBwf(content: AdmBwfContent, options: AdmBwfWriteOptions = {}): Uint8Array {
  resolveTracks(content.chna, content.audio.channels.length, admLookup(content.document), 'ADM export');
  return encodeWav(content.audio, {
    sampleFormat: options.sampleFormat ?? 'pcm24',
    chunks: [
      { id: 'chna', body: writeChna(content.chna) },
      { id: 'axml', body: encodeUtf8(writeAdmXml(content.document)) },
    ],
    largeForm: 'BW64',
    ...(options.forceLargeForm === undefined ? {} : { forceLargeForm: options.forceLargeForm }),
  });
}

/**
 * The file as pieces (header with `chna` and `axml`, then sample blocks read from
 * `source` in order), for a master too large to hold in memory; checked as writeAdmBwf
 * checks, against `source`'s channel count.
 */
export function admBwfPieces(content: Omit<AdmBwfContent, 'audio'>, source: WavSampleSource, options: AdmBwfWriteOptions = {}): Generator<Uint8Array> {
  resolveTracks(content.chna, source.channelCount, admLookup(content.document), 'ADM export');
  return encodeWavPieces(source, {
    sampleFormat: options.sampleFormat ?? 'pcm24',
    chunks: [
      { id: 'chna', body: writeChna(content.chna) },
      { id: 'axml', body: encodeUtf8(writeAdmXml(content.document)) },
    ],
    largeForm: 'BW64',
    ...(options.forceLargeForm === undefined ? {} : { forceLargeForm: options.forceLargeForm }),
  });
}
